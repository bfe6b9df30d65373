package io.irisx.worker;

import io.irisx.activities.recording.S3Settings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * The worker's {@code recordings} section: where this node's switch writes recordings (a directory
 * FreeSWITCH and the worker share; default {@code <java.io.tmpdir>/irisx-recordings/<node id>}),
 * the S3 bucket they go to, and how often the retention schedule runs (default hourly).
 */
public record RecordingSettings(
    String directory, @NotNull S3Settings s3, @Min(1) @Max(10_080) Integer retentionSweepMinutes) {

  public Path directoryFor(String nodeId) {
    return directory == null || directory.isBlank()
        ? Path.of(System.getProperty("java.io.tmpdir"), "irisx-recordings", nodeId)
        : Path.of(directory);
  }

  public java.time.Duration retentionSweep() {
    return java.time.Duration.ofMinutes(retentionSweepMinutes == null ? 60 : retentionSweepMinutes);
  }
}
