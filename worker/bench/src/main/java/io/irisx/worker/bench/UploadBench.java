package io.irisx.worker.bench;

import io.irisx.activities.esl.EslCommandBuilder;
import io.irisx.activities.esl.EslConnection;
import io.irisx.activities.esl.EslNodeSettings;
import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import io.irisx.activities.recording.RecordingActivitiesImpl;
import io.irisx.activities.recording.RecordingStore;
import io.irisx.activities.recording.S3Settings;
import io.irisx.temporal.ActivityCatalogue;
import io.irisx.worker.dev.LocalS3;
import io.irisx.workflows.call.RecordingActivities;
import io.irisx.workflows.call.RecordingUpload;
import io.irisx.workflows.call.UploadedRecording;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./irisx bench upload}: how fast a finished recording reaches S3. Writes a WAV of the given
 * size (noise, so nothing compresses), and runs the worker's real upload activity on it against a
 * local S3Proxy: the file's SHA-256, parts with Content-MD5 and SHA-256 checksums, heartbeats after
 * each part, the HEAD that confirms the object, the local file's deletion. Prints one row per run.
 *
 * <p>The activity runs in Temporal's activity test environment (heartbeats included); the upload
 * itself is the same code a worker runs. S3Proxy writes to the local disk, so the figure is a bound
 * for this machine's CPU and disk, not a network figure.
 */
public final class UploadBench {
  private static final int WAV_HEADER_BYTES = 44;

  record Options(int sizeMb, int runs, int partMb, Path dir) {}

  record Run(int number, long bytes, int parts, Duration took) {
    double megabytesPerSecond() {
      return bytes / 1e6 / (took.toNanos() / 1e9);
    }
  }

  private UploadBench() {}

  static List<Run> run(Options options) throws IOException {
    Path dir = options.dir().toAbsolutePath();
    deleteRecursively(dir);
    Path recordings = dir.resolve("recordings");
    Files.createDirectories(recordings);
    long partBytes = options.partMb() * 1024L * 1024L;
    List<Run> runs = new ArrayList<>();
    try (LocalS3 s3 = LocalS3.start(dir.resolve("s3"));
        EslSimulator simulator = EslSimulator.start(SimulatorOptions.defaults().withPort(0))) {
      S3Settings settings =
          new S3Settings(
              s3.endpoint(),
              "us-east-1",
              LocalS3.BUCKET,
              true,
              LocalS3.ACCESS_KEY,
              LocalS3.SECRET_KEY,
              "none",
              null,
              partBytes,
              partBytes);
      // The activity is built as the worker builds it; the upload never speaks ESL.
      EslNodeSettings node =
          new EslNodeSettings(
              "bench",
              simulator.host(),
              simulator.port(),
              SimulatorOptions.defaults().password(),
              "sofia/gateway/irisx/{to}",
              Duration.ofSeconds(3));
      try (S3Client client = settings.client();
          EslConnection esl = EslConnection.connect(node, event -> {})) {
        RecordingActivitiesImpl activity =
            new RecordingActivitiesImpl(
                esl,
                new EslCommandBuilder(node),
                recordings,
                new RecordingStore(client, settings),
                Clock.systemUTC());
        for (int number = 1; number <= options.runs(); number++) {
          runs.add(
              uploadOnce(number, activity, recordings, options.sizeMb() * 1_000_000L, partBytes));
        }
      }
    }
    return runs;
  }

  private static Run uploadOnce(
      int number, RecordingActivitiesImpl activity, Path recordings, long bytes, long partBytes)
      throws IOException {
    UUID recordingId = UUID.randomUUID();
    Path file = recordings.resolve(recordingId + ".wav");
    writeNoiseWav(file, bytes);
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(activity);
      RecordingActivities upload =
          env.newActivityStub(
              RecordingActivities.class,
              ActivityCatalogue.options().get(ActivityCatalogue.UPLOAD_RECORDING));
      long began = System.nanoTime();
      UploadedRecording uploaded =
          upload.upload(
              new RecordingUpload(
                  recordingId.toString(),
                  UUID.randomUUID().toString(),
                  UUID.randomUUID().toString(),
                  file.toString(),
                  Instant.now()));
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      if (uploaded.sizeBytes() != bytes || Files.exists(file)) {
        throw new IllegalStateException(
            "run " + number + ": the upload did not complete as expected: " + uploaded);
      }
      int parts = bytes <= partBytes ? 1 : (int) ((bytes + partBytes - 1) / partBytes);
      return new Run(number, bytes, parts, took);
    } finally {
      env.close();
    }
  }

  static void print(Options options, List<Run> runs, PrintStream out) {
    out.printf(
        "%nrecording upload to S3Proxy (multipart, %d MiB parts, SHA-256 + Content-MD5 per part)%n%n",
        options.partMb());
    out.printf("%-4s  %10s  %6s  %9s  %8s%n", "run", "size (MB)", "parts", "time (s)", "MB/s");
    for (Run run : runs) {
      out.printf(
          "%-4d  %10.1f  %6d  %9.2f  %8.1f%n",
          run.number(),
          run.bytes() / 1e6,
          run.parts(),
          run.took().toNanos() / 1e9,
          run.megabytesPerSecond());
    }
    List<Run> sorted =
        runs.stream().sorted(Comparator.comparingDouble(Run::megabytesPerSecond)).toList();
    out.printf(
        "%nmedian: %.1f MB/s   best: %.1f MB/s   (MB = 10^6 bytes; %d cores)%n",
        sorted.get(sorted.size() / 2).megabytesPerSecond(),
        sorted.get(sorted.size() - 1).megabytesPerSecond(),
        Runtime.getRuntime().availableProcessors());
  }

  /** A PCM WAV (8 kHz, 16-bit mono) of {@code bytes} in all, its samples random. */
  static void writeNoiseWav(Path file, long bytes) throws IOException {
    long dataBytes = bytes - WAV_HEADER_BYTES;
    ByteBuffer header = ByteBuffer.allocate(WAV_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    header.put(ascii("RIFF")).putInt((int) (36 + dataBytes)).put(ascii("WAVE"));
    header
        .put(ascii("fmt "))
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(8000)
        .putInt(16000)
        .putShort((short) 2)
        .putShort((short) 16);
    header.put(ascii("data")).putInt((int) dataBytes);
    Random random = new Random(file.getFileName().toString().hashCode());
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(header.array());
      for (long left = dataBytes; left > 0; left -= chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
