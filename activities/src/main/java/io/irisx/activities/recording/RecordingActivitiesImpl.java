package io.irisx.activities.recording;

import io.irisx.activities.esl.ApiReply;
import io.irisx.activities.esl.EslCommand;
import io.irisx.activities.esl.EslCommandBuilder;
import io.irisx.activities.esl.EslConnection;
import io.irisx.activities.esl.UnsafeCommandException;
import io.irisx.activities.metrics.ActivityMeters;
import io.irisx.workflows.call.RecordingActivities;
import io.irisx.workflows.call.RecordingFile;
import io.irisx.workflows.call.RecordingUpload;
import io.irisx.workflows.call.UploadedRecording;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RecordingActivities} on one node: {@code uuid_record} over its event socket into its
 * recordings directory, and the upload of the finished file to S3 (see the interface for the
 * contract). Register on the node's own task queue.
 */
public final class RecordingActivitiesImpl implements RecordingActivities {
  private static final Logger log = LoggerFactory.getLogger(RecordingActivitiesImpl.class);

  private final EslConnection esl;
  private final EslCommandBuilder commands;
  private final Path directory;
  private final RecordingStore store;
  private final Clock clock;
  private final ActivityMeters meters;

  /**
   * @param directory where the switch writes recordings; it must be the same directory for
   *     FreeSWITCH and for this worker (they share the node's disk); made if missing
   */
  public RecordingActivitiesImpl(
      EslConnection esl,
      EslCommandBuilder commands,
      Path directory,
      RecordingStore store,
      Clock clock) {
    this(esl, commands, directory, store, clock, ActivityMeters.none());
  }

  /** As above, counting uploads (sent and confirmed, or failed) on {@code meters}. */
  public RecordingActivitiesImpl(
      EslConnection esl,
      EslCommandBuilder commands,
      Path directory,
      RecordingStore store,
      Clock clock,
      ActivityMeters meters) {
    this.esl = esl;
    this.commands = commands;
    this.directory = directory.toAbsolutePath().normalize();
    this.store = store;
    this.clock = clock;
    this.meters = meters;
  }

  @Override
  public RecordingFile startRecording(
      String channelUuid, String recordingId, int maxSeconds, int silenceMillis) {
    UUID id = uuid(recordingId, "recordingId");
    Path file = fileOf(id);
    EslCommand start =
        safely(() -> commands.recordStart(channelUuid, file.toString(), maxSeconds, silenceMillis));
    Optional<Instant> created = createdAt(file);
    if (created.isPresent()) {
      // The switch creates the file when it starts recording: an earlier attempt did this already.
      log.info("recording {} on channel {} already started", id, channelUuid);
      return new RecordingFile(id.toString(), nodeId(), file.toString(), created.get());
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the recordings directory " + directory, e);
    }
    Instant startedAt = clock.instant();
    ApiReply reply = esl.api(start.command(), start.args());
    if (reply.isError()) {
      if (reply.firstLine().contains("Cannot locate session") || !channelExists(channelUuid)) {
        throw ApplicationFailure.newNonRetryableFailure(
            "channel " + channelUuid + " is gone; nothing to record", CHANNEL_GONE);
      }
      throw ApplicationFailure.newNonRetryableFailure(
          "switch refused to record: " + reply.firstLine(), SWITCH_REFUSED);
    }
    log.info("recording {} started on channel {} into {}", id, channelUuid, file);
    return new RecordingFile(id.toString(), nodeId(), file.toString(), startedAt);
  }

  @Override
  public void stopRecording(String channelUuid, String path) {
    EslCommand stop = safely(() -> commands.recordStop(channelUuid, path));
    ApiReply reply = esl.api(stop.command(), stop.args());
    if (reply.isError()) {
      // "Cannot locate session": the channel is gone and the switch closed the file at hangup.
      // "Cannot stop record session": stopped already (a retry, the limit, or the hangup).
      log.info(
          "recording {} on channel {}: {}; counts as stopped",
          path,
          channelUuid,
          reply.firstLine());
    }
  }

  @Override
  public UploadedRecording upload(RecordingUpload upload) {
    UUID recordingId = uuid(upload.recordingId(), "recordingId");
    UUID tenantId = uuid(upload.tenantId(), "tenantId");
    UUID callId = uuid(upload.callId(), "callId");
    if (upload.startedAt() == null) {
      throw ApplicationFailure.newNonRetryableFailure("startedAt is required", INVALID_RECORDING);
    }
    Path file = fileOf(recordingId);
    if (upload.path() == null
        || !Path.of(upload.path()).toAbsolutePath().normalize().equals(file)) {
      // Only this node's recordings are ever read (and deleted): never a path a workflow made up.
      throw ApplicationFailure.newNonRetryableFailure(
          "not this node's file for recording " + recordingId + ": " + upload.path(),
          INVALID_RECORDING);
    }
    String key = RecordingKeys.of(tenantId, upload.startedAt(), callId, recordingId);
    WavFile wav;
    try {
      wav = WavFile.inspect(file);
    } catch (NoSuchFileException gone) {
      return alreadyUploaded(key, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try {
      send(key, file, wav, recordingId);
    } catch (RuntimeException failed) {
      // Counted per failed attempt: the activity is retried and the file stays until S3 confirms.
      meters.recordingUploadFailed();
      throw failed;
    }
    deleteLocal(file);
    return new UploadedRecording(
        store.bucket(), key, wav.sizeBytes(), wav.sha256Hex(), wav.durationMillis());
  }

  /** Sends the file unless S3 holds it already, and checks that S3 then holds exactly it. */
  private void send(String key, Path file, WavFile wav, UUID recordingId) {
    Optional<RecordingStore.StoredObject> stored = store.head(key);
    if (stored.isPresent() && same(stored.get(), wav)) {
      // An earlier attempt sent it (and counted it); only the file's deletion was left to do.
      log.info("recording {} is in S3 already as {}", recordingId, key);
      return;
    }
    ActivityExecutionContext context = Activity.getExecutionContext();
    UploadProgress resume = context.getHeartbeatDetails(UploadProgress.class).orElse(null);
    long began = System.nanoTime();
    try {
      store.put(key, file, wav, resume, context::heartbeat);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - began);
    double seconds = took.toNanos() / 1e9;
    log.info(
        "recording {} uploaded as s3://{}/{}: {} bytes in {} s ({} MB/s)",
        recordingId,
        store.bucket(),
        key,
        wav.sizeBytes(),
        String.format("%.2f", seconds),
        String.format("%.1f", wav.sizeBytes() / 1e6 / Math.max(seconds, 1e-6)));
    RecordingStore.StoredObject confirmed =
        store
            .head(key)
            .orElseThrow(
                () ->
                    ApplicationFailure.newFailure(
                        "S3 does not show " + key + " after the upload", "UploadNotConfirmed"));
    if (!same(confirmed, wav)) {
      throw ApplicationFailure.newFailure(
          "S3 holds another object under " + key + " than was sent", "UploadNotConfirmed");
    }
    meters.recordingUploaded(wav.sizeBytes(), took);
  }

  /** No local file: an earlier attempt uploaded it and deleted it, or it never existed. */
  private UploadedRecording alreadyUploaded(String key, Path file) {
    return store
        .head(key)
        .filter(object -> object.sha256Hex() != null)
        .map(
            object ->
                new UploadedRecording(
                    store.bucket(),
                    key,
                    object.sizeBytes(),
                    object.sha256Hex(),
                    object.durationMillis()))
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "no file " + file + " and no object " + key, FILE_MISSING));
  }

  private static boolean same(RecordingStore.StoredObject object, WavFile wav) {
    return object.sizeBytes() == wav.sizeBytes() && wav.sha256Hex().equals(object.sha256Hex());
  }

  private static void deleteLocal(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The object is safe; a file left behind is only disk space.
      log.warn("recording uploaded but {} could not be deleted: {}", file, e.toString());
    }
  }

  private Path fileOf(UUID recordingId) {
    return directory.resolve(recordingId + ".wav");
  }

  private String nodeId() {
    return esl.settings().nodeId();
  }

  private static Optional<Instant> createdAt(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(attributes.creationTime().toInstant());
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + file, e);
    }
  }

  private boolean channelExists(String channelUuid) {
    EslCommand exists = commands.exists(channelUuid);
    return "true".equals(esl.api(exists.command(), exists.args()).firstLine());
  }

  private static UUID uuid(String value, String field) {
    try {
      UUID uuid = UUID.fromString(value);
      if (uuid.toString().equalsIgnoreCase(value)) {
        return uuid;
      }
    } catch (IllegalArgumentException | NullPointerException notAUuid) {
      // reported below
    }
    throw ApplicationFailure.newNonRetryableFailure(
        field + " is not a UUID: " + value, INVALID_RECORDING);
  }

  private static EslCommand safely(Supplier<EslCommand> build) {
    try {
      return build.get();
    } catch (UnsafeCommandException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_RECORDING);
    }
  }
}
