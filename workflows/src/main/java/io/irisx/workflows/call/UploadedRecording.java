package io.irisx.workflows.call;

/**
 * A recording safely in S3.
 *
 * @param bucket the S3 bucket
 * @param key {@code <tenantId>/<yyyy>/<mm>/<dd>/<callId>/<recordingId>.wav}
 * @param sizeBytes the object's size, the WAV header included
 * @param checksumSha256 the SHA-256 of the object's bytes, lowercase hex
 * @param durationMillis the audio's length, from the WAV header (data bytes / byte rate)
 */
public record UploadedRecording(
    String bucket, String key, long sizeBytes, String checksumSha256, long durationMillis) {}
