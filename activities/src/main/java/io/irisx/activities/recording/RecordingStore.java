package io.irisx.activities.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Recording objects in one bucket. Every request carries the bytes' SHA-256 ({@code
 * x-amz-checksum-sha256}, verified by S3) and MD5 ({@code Content-MD5}, verified by S3 and by
 * S3-compatible stores that ignore the former); a part or object whose bytes changed on the way is
 * refused. The whole file's SHA-256 and duration go in the object's metadata, so a later look (a
 * retry, an idempotency check) knows what the object holds whatever way it was sent.
 */
public final class RecordingStore {
  static final String SHA256_METADATA = "irisx-sha256";
  static final String DURATION_METADATA = "irisx-duration-millis";
  private static final String CONTENT_TYPE = "audio/wav";
  private static final Logger log = LoggerFactory.getLogger(RecordingStore.class);

  private final S3Client s3;
  private final S3Settings settings;

  public RecordingStore(S3Client s3, S3Settings settings) {
    this.s3 = s3;
    this.settings = settings;
  }

  public String bucket() {
    return settings.bucket();
  }

  /** What S3 holds under {@code key}: its size, and the SHA-256 and duration we stored with it. */
  record StoredObject(long sizeBytes, String sha256Hex, long durationMillis) {}

  Optional<StoredObject> head(String key) {
    try {
      HeadObjectResponse head = s3.headObject(b -> b.bucket(settings.bucket()).key(key));
      Map<String, String> metadata = head.metadata();
      String duration = metadata.get(DURATION_METADATA);
      return Optional.of(
          new StoredObject(
              head.contentLength(),
              metadata.get(SHA256_METADATA),
              duration == null ? 0 : Long.parseLong(duration)));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Deletes the object; deleting one that is not there is fine (S3 says so too). */
  public void delete(String bucket, String key) {
    s3.deleteObject(b -> b.bucket(bucket).key(key));
  }

  /**
   * Sends the file: one PUT up to the multipart threshold, parts above it. {@code progress} is told
   * of every part sent (the caller heartbeats it); {@code resume}, from an earlier attempt's
   * heartbeat, skips the parts already sent.
   */
  void put(
      String key, Path file, WavFile wav, UploadProgress resume, Consumer<UploadProgress> progress)
      throws IOException {
    if (wav.sizeBytes() <= settings.multipartThresholdBytes()) {
      putWhole(key, file, wav);
      progress.accept(null);
    } else {
      putInParts(key, file, wav, resume, progress);
    }
  }

  private void putWhole(String key, Path file, WavFile wav) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    PutObjectRequest.Builder request =
        PutObjectRequest.builder()
            .bucket(settings.bucket())
            .key(key)
            .contentType(CONTENT_TYPE)
            .contentLength((long) bytes.length)
            .contentMD5(base64(WavFile.md5().digest(bytes)))
            .checksumAlgorithm(ChecksumAlgorithm.SHA256)
            .checksumSHA256(base64(WavFile.sha256().digest(bytes)))
            .metadata(metadata(wav));
    encryption(request);
    s3.putObject(request.build(), RequestBody.fromBytes(bytes));
  }

  private void putInParts(
      String key, Path file, WavFile wav, UploadProgress resume, Consumer<UploadProgress> progress)
      throws IOException {
    UploadProgress upload =
        resume != null && resume.key().equals(key) && resume.sha256Hex().equals(wav.sha256Hex())
            ? resume
            : start(key, wav);
    try {
      upload = sendParts(file, wav, upload, progress);
    } catch (NoSuchUploadException gone) {
      // The upload of an earlier attempt was aborted or expired: start again from the first part.
      log.info("multipart upload {} of {} is gone; starting again", upload.uploadId(), key);
      upload = sendParts(file, wav, start(key, wav), progress);
    }
    UploadProgress done = upload;
    s3.completeMultipartUpload(
        b ->
            b.bucket(settings.bucket())
                .key(key)
                .uploadId(done.uploadId())
                .multipartUpload(
                    m ->
                        m.parts(
                            done.parts().stream()
                                .map(
                                    p ->
                                        CompletedPart.builder()
                                            .partNumber(p.number())
                                            .eTag(p.eTag())
                                            .checksumSHA256(p.checksumSha256())
                                            .build())
                                .toList())));
  }

  private UploadProgress start(String key, WavFile wav) {
    CreateMultipartUploadRequest.Builder request =
        CreateMultipartUploadRequest.builder()
            .bucket(settings.bucket())
            .key(key)
            .contentType(CONTENT_TYPE)
            .checksumAlgorithm(ChecksumAlgorithm.SHA256)
            .metadata(metadata(wav));
    if (settings.encrypts()) {
      request.serverSideEncryption(ServerSideEncryption.fromValue(settings.serverSideEncryption()));
      if (settings.serverSideEncryption().equals("aws:kms") && settings.kmsKeyId() != null) {
        request.ssekmsKeyId(settings.kmsKeyId());
      }
    }
    String uploadId = s3.createMultipartUpload(request.build()).uploadId();
    return new UploadProgress(key, wav.sha256Hex(), uploadId, List.of());
  }

  private UploadProgress sendParts(
      Path file, WavFile wav, UploadProgress upload, Consumer<UploadProgress> progress)
      throws IOException {
    long partSize = settings.partSizeBytes();
    List<UploadProgress.Part> parts = new ArrayList<>(upload.parts());
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(Math.min(wav.sizeBytes(), parts.size() * partSize));
      byte[] buffer = new byte[(int) partSize];
      for (int number = parts.size() + 1; ; number++) {
        int length = in.readNBytes(buffer, 0, buffer.length);
        if (length == 0) {
          break;
        }
        byte[] bytes = length == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, length);
        String sha256 = base64(WavFile.sha256().digest(bytes));
        int partNumber = number;
        UploadPartResponse sent =
            s3.uploadPart(
                b ->
                    b.bucket(settings.bucket())
                        .key(upload.key())
                        .uploadId(upload.uploadId())
                        .partNumber(partNumber)
                        .contentLength((long) bytes.length)
                        .contentMD5(base64(WavFile.md5().digest(bytes)))
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .checksumSHA256(sha256),
                RequestBody.fromBytes(bytes));
        parts.add(new UploadProgress.Part(partNumber, sent.eTag(), sha256));
        progress.accept(
            new UploadProgress(
                upload.key(), upload.sha256Hex(), upload.uploadId(), List.copyOf(parts)));
      }
    }
    return new UploadProgress(
        upload.key(), upload.sha256Hex(), upload.uploadId(), List.copyOf(parts));
  }

  /**
   * Gives up a multipart upload (its parts would otherwise be kept, and billed, until a lifecycle
   * rule).
   */
  void abandon(UploadProgress upload) {
    try {
      s3.abortMultipartUpload(
          AbortMultipartUploadRequest.builder()
              .bucket(settings.bucket())
              .key(upload.key())
              .uploadId(upload.uploadId())
              .build());
    } catch (RuntimeException e) {
      log.info(
          "could not abort multipart upload {} of {}: {}",
          upload.uploadId(),
          upload.key(),
          e.toString());
    }
  }

  private void encryption(PutObjectRequest.Builder request) {
    if (settings.encrypts()) {
      request.serverSideEncryption(ServerSideEncryption.fromValue(settings.serverSideEncryption()));
      if (settings.serverSideEncryption().equals("aws:kms") && settings.kmsKeyId() != null) {
        request.ssekmsKeyId(settings.kmsKeyId());
      }
    }
  }

  private static Map<String, String> metadata(WavFile wav) {
    return Map.of(
        SHA256_METADATA, wav.sha256Hex(), DURATION_METADATA, Long.toString(wav.durationMillis()));
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
