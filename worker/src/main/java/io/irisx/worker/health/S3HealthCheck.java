package io.irisx.worker.health;

import com.codahale.metrics.health.HealthCheck;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The recordings bucket answers (HEAD bucket): without it recordings wait on disk for their upload.
 */
public final class S3HealthCheck extends HealthCheck {
  private final S3Client s3;
  private final String bucket;

  public S3HealthCheck(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  protected Result check() {
    try {
      s3.headBucket(request -> request.bucket(bucket));
      return Result.healthy();
    } catch (SdkException e) {
      // The message names the bucket and the status, never the credentials.
      return Result.unhealthy(
          "bucket " + bucket + " does not answer: " + e.getClass().getSimpleName());
    }
  }
}
