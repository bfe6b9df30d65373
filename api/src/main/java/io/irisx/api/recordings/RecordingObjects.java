package io.irisx.api.recordings;

import java.time.Duration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The API's view of the recordings bucket: presigned downloads and deletes. */
public final class RecordingObjects implements AutoCloseable {
  private final S3Client s3;
  private final S3Presigner presigner;
  private final Duration urlExpiry;

  public RecordingObjects(S3Client s3, S3Presigner presigner, Duration urlExpiry) {
    this.s3 = s3;
    this.presigner = presigner;
    this.urlExpiry = urlExpiry;
  }

  public static RecordingObjects of(RecordingStorageSettings settings) {
    return new RecordingObjects(
        settings.client(),
        settings.presigner(),
        Duration.ofSeconds(settings.getUrlExpirySeconds()));
  }

  /** A GET URL for the object that works without a key until it expires. */
  public String downloadUrl(String bucket, String key) {
    return presigner
        .presignGetObject(
            p -> p.signatureDuration(urlExpiry).getObjectRequest(g -> g.bucket(bucket).key(key)))
        .url()
        .toString();
  }

  /** Deletes the object; one already gone is fine. */
  public void delete(String bucket, String key) {
    s3.deleteObject(d -> d.bucket(bucket).key(key));
  }

  @Override
  public void close() {
    presigner.close();
    s3.close();
  }
}
