package io.irisx.api.recordings;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.irisx.api.Contract;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The API's {@code recordings} section: the bucket the workers upload to (the same {@code s3} keys
 * as the worker's) and how long a presigned download URL lasts ({@code urlExpirySeconds}, default
 * 3600, at most 7 days as SigV4 allows).
 */
public class RecordingStorageSettings {
  @Valid @NotNull private S3 s3;

  @Min(1)
  @Max(604_800)
  private int urlExpirySeconds = 3600;

  /** Where the objects are. Without {@code endpoint}: AWS S3; without keys: the default chain. */
  public static class S3 {
    @JsonProperty public @Nullable String endpoint;
    @JsonProperty public String region = "us-east-1";
    @JsonProperty @NotBlank public String bucket;
    @JsonProperty public boolean pathStyleAccess;
    @JsonProperty public @Nullable String accessKeyId;
    @JsonProperty public @Nullable String secretAccessKey;

    /** Never prints the secret. */
    @Override
    public String toString() {
      return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + "]";
    }
  }

  @JsonProperty
  public S3 getS3() {
    return s3;
  }

  @JsonProperty
  public void setS3(S3 s3) {
    this.s3 = s3;
  }

  @JsonProperty
  public int getUrlExpirySeconds() {
    return urlExpirySeconds;
  }

  @JsonProperty
  public void setUrlExpirySeconds(int urlExpirySeconds) {
    this.urlExpirySeconds = urlExpirySeconds;
  }

  public S3Client client() {
    var builder =
        S3Client.builder()
            .region(Region.of(blank(s3.region) ? "us-east-1" : s3.region))
            .credentialsProvider(credentials())
            .httpClientBuilder(ApacheHttpClient.builder())
            .serviceConfiguration(configuration());
    if (!blank(s3.endpoint)) {
      builder.endpointOverride(URI.create(s3.endpoint));
    }
    return builder.build();
  }

  public S3Presigner presigner() {
    var builder =
        S3Presigner.builder()
            .region(Region.of(blank(s3.region) ? "us-east-1" : s3.region))
            .credentialsProvider(credentials())
            .serviceConfiguration(configuration());
    if (!blank(s3.endpoint)) {
      builder.endpointOverride(URI.create(s3.endpoint));
    }
    return builder.build();
  }

  private S3Configuration configuration() {
    return S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyleAccess).build();
  }

  private AwsCredentialsProvider credentials() {
    return blank(s3.accessKeyId)
        ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(
            AwsBasicCredentials.create(s3.accessKeyId, s3.secretAccessKey));
  }

  @Contract("null -> true")
  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
