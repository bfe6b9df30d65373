package io.irisx.activities.recording;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Where recordings go: any S3-compatible endpoint. YAML section {@code recordings.s3} of the
 * worker. Without {@code endpoint}, AWS S3 in {@code region}; without keys, the AWS default
 * credential chain (environment, profile, instance role).
 *
 * @param pathStyleAccess {@code bucket} in the path rather than the host name (S3Proxy, MinIO)
 * @param serverSideEncryption {@code AES256} (the default), {@code aws:kms} (with {@code kmsKeyId},
 *     or the account's default key) or {@code none} for an endpoint without SSE
 * @param multipartThresholdBytes files larger than this go in parts (default 8 MiB)
 * @param partSizeBytes the size of each part (default 8 MiB; S3 needs 5 MiB at least)
 */
public record S3Settings(
    String endpoint,
    String region,
    String bucket,
    Boolean pathStyleAccess,
    String accessKeyId,
    String secretAccessKey,
    String serverSideEncryption,
    String kmsKeyId,
    Long multipartThresholdBytes,
    Long partSizeBytes) {
  static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;

  public S3Settings {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("recordings.s3.bucket is required");
    }
    region = blank(region) ? "us-east-1" : region;
    pathStyleAccess = pathStyleAccess != null && pathStyleAccess;
    serverSideEncryption = blank(serverSideEncryption) ? "AES256" : serverSideEncryption;
    if (!serverSideEncryption.equals("AES256")
        && !serverSideEncryption.equals("aws:kms")
        && !serverSideEncryption.equals("none")) {
      throw new IllegalArgumentException(
          "recordings.s3.serverSideEncryption must be AES256, aws:kms or none: "
              + serverSideEncryption);
    }
    multipartThresholdBytes =
        multipartThresholdBytes == null ? DEFAULT_PART_SIZE : multipartThresholdBytes;
    partSizeBytes = partSizeBytes == null ? DEFAULT_PART_SIZE : partSizeBytes;
    if (partSizeBytes < MIN_PART_SIZE) {
      throw new IllegalArgumentException(
          "recordings.s3.partSizeBytes must be 5 MiB or more: " + partSizeBytes);
    }
  }

  /** A client for these settings; thread-safe, one per process is enough. */
  public S3Client client() {
    var builder =
        S3Client.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials())
            .httpClientBuilder(
                ApacheHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(60)))
            // We send our own SHA-256 (and Content-MD5) with every request, as headers: no
            // aws-chunked trailers, which some S3-compatible endpoints do not read.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(pathStyleAccess).build());
    if (!blank(endpoint)) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder.build();
  }

  AwsCredentialsProvider credentials() {
    if (blank(accessKeyId)) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(accessKeyId, secretAccessKey));
  }

  boolean encrypts() {
    return !serverSideEncryption.equals("none");
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Never prints the secret: settings end up in logs. */
  @Override
  public String toString() {
    return "S3Settings[endpoint=%s, region=%s, bucket=%s, pathStyle=%s, sse=%s]"
        .formatted(endpoint, region, bucket, pathStyleAccess, serverSideEncryption);
  }
}
