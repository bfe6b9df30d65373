package io.irisx.temporal;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every activity's name, timeouts and retry policy, in one place. Workflows build stubs without
 * options; the worker hands this catalogue to Temporal with the workflow implementations.
 */
public final class ActivityCatalogue {
  public static final String PICK_NODE = "PickNode";
  public static final String ORIGINATE = "Originate";
  public static final String ANSWER = "Answer";
  public static final String PLAY = "Play";
  public static final String STOP_PROMPT = "StopPrompt";
  public static final String SEND_DIGITS = "SendDigits";
  public static final String HANGUP = "Hangup";
  public static final String INSPECT_CHANNEL = "InspectChannel";

  // Steps that own their events: each waits on the node for the switch's outcome.
  public static final String DIAL_CALL = "DialCall";
  public static final String ANSWER_CALL = "AnswerCall";
  public static final String PLAY_PROMPT = "PlayPrompt";
  public static final String GATHER_DIGITS = "GatherDigits";
  public static final String HANG_UP_CALL = "HangUpCall";

  /**
   * How long a step waits without a sign of life before Temporal gives it to another attempt. A
   * waiting step heartbeats only once it has waited {@link #STEP_HEARTBEAT_EVERY}: a prompt or an
   * answer (seconds) sends none, so a call costs no heartbeat; a long wait (a ring, a slow gather)
   * sends one per period. A worker that dies mid-step is noticed within this timeout, and the retry
   * asks the switch what became of the step (docs/operations.md, "Steps that own their events").
   */
  public static final Duration STEP_HEARTBEAT_TIMEOUT = Duration.ofSeconds(20);

  public static final Duration STEP_HEARTBEAT_EVERY = Duration.ofSeconds(8);

  /** A dial's second leg joined to the call (uuid_bridge), on the node's queue. */
  public static final String BRIDGE_LEGS = "BridgeLegs";

  public static final String RECORD_TRANSITION = "RecordTransition";
  public static final String WRITE_CDR = "WriteCdr";
  public static final String REGISTER_INBOUND_CALL = "RegisterInboundCall";
  public static final String RESTORE_CALL = "RestoreCall";
  public static final String PUBLISH_WEBHOOK_EVENT = "PublishWebhookEvent";
  public static final String BEGIN_WEBHOOK_DELIVERY = "BeginWebhookDelivery";
  public static final String ATTEMPT_WEBHOOK_DELIVERY = "AttemptWebhookDelivery";
  public static final String RESTART_ORPHANED_DELIVERIES = "RestartOrphanedWebhookDeliveries";
  // Recordings: on the node's queue (the file is on its disk) ...
  public static final String START_RECORDING = "StartRecording";
  public static final String STOP_RECORDING = "StopRecording";
  public static final String UPLOAD_RECORDING = "UploadRecording";
  // ... and their rows, and retention, on the shared queue.
  public static final String RECORDING_STARTED = "RecordingStarted";
  public static final String RECORDING_UPLOADING = "RecordingUploading";
  public static final String RECORDING_AVAILABLE = "RecordingAvailable";
  public static final String RECORDING_FAILED = "RecordingFailed";
  public static final String FIND_EXPIRED_RECORDINGS = "FindExpiredRecordings";
  public static final String DELETE_RECORDING = "DeleteRecording";
  // Tenant call limits: slots as leases in Redis, the queue as a workflow per tenant.
  public static final String JOIN_CALL_QUEUE = "JoinCallQueue";
  public static final String GRANT_CALL_SLOT = "GrantCallSlot";
  public static final String RENEW_CALL_SLOT = "RenewCallSlot";
  public static final String RELEASE_CALL_SLOT = "ReleaseCallSlot";

  /** Call control must be quick: a caller is waiting on the line. */
  private static final RetryOptions CALL_CONTROL_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofMillis(200))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofSeconds(2))
          .build();

  /** The database may be down for a while; a CDR must still be written when it returns. */
  private static final RetryOptions STORAGE_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofMillis(500))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofSeconds(30))
          .build();

  /**
   * The Java SDK does not retry a local activity at all when it has neither a schedule-to-close
   * timeout nor a maximum number of attempts (it reports RETRY_STATE_RETRY_POLICY_NOT_SET): {@link
   * #STORAGE_RETRY}'s "without end" made a webhook delivery's local {@code begin} run once and the
   * delivery fail on the first database error (and a call's RecordTransition and WriteCdr
   * likewise). A bound no outage reaches keeps the retries going.
   */
  static final RetryOptions LOCAL_STORAGE_RETRY =
      STORAGE_RETRY.toBuilder().setMaximumAttempts(Integer.MAX_VALUE).build();

  private ActivityCatalogue() {}

  /**
   * The line the Temporal UI shows beside each activity in a history, so an operator reads what a
   * step did without opening its payload.
   */
  static final Map<String, String> SUMMARIES =
      Map.ofEntries(
          Map.entry(PICK_NODE, "pick a live FreeSWITCH node for the call"),
          Map.entry(ORIGINATE, "originate the call on its node (ESL bgapi originate)"),
          Map.entry(ANSWER, "answer the channel"),
          Map.entry(PLAY, "play a prompt on the channel"),
          Map.entry(STOP_PROMPT, "stop the prompt that is playing"),
          Map.entry(SEND_DIGITS, "send DTMF digits on the channel"),
          Map.entry(HANGUP, "hang up the channel"),
          Map.entry(INSPECT_CHANNEL, "ask the switch whether the channel still exists"),
          Map.entry(DIAL_CALL, "dial the call and wait until it is answered or fails"),
          Map.entry(ANSWER_CALL, "answer the channel and wait for the switch to confirm it"),
          Map.entry(PLAY_PROMPT, "play a prompt and wait for its end"),
          Map.entry(GATHER_DIGITS, "prompt and collect the caller's digits"),
          Map.entry(HANG_UP_CALL, "hang up the channel and wait for its end"),
          Map.entry(BRIDGE_LEGS, "bridge the dialled party to the call (ESL uuid_bridge)"),
          Map.entry(RECORD_TRANSITION, "record a status change in call_logs and calls"),
          Map.entry(WRITE_CDR, "write the call detail record"),
          Map.entry(REGISTER_INBOUND_CALL, "register the inbound call in the calls table"),
          Map.entry(RESTORE_CALL, "write the call's row again from its request (the row was lost)"),
          Map.entry(
              PUBLISH_WEBHOOK_EVENT, "publish a call event to the tenant's webhook endpoints"),
          Map.entry(BEGIN_WEBHOOK_DELIVERY, "look up the delivery before its first attempt"),
          Map.entry(
              ATTEMPT_WEBHOOK_DELIVERY,
              "send the signed webhook request once and record the attempt"),
          Map.entry(
              RESTART_ORPHANED_DELIVERIES,
              "hand pending deliveries nobody works on back to their workflows"),
          Map.entry(JOIN_CALL_QUEUE, "put the call in its tenant's queue for a slot"),
          Map.entry(
              GRANT_CALL_SLOT,
              "take a slot for the head of the queue if the tenant's limits allow"),
          Map.entry(RENEW_CALL_SLOT, "extend the lease of the call's slot"),
          Map.entry(RELEASE_CALL_SLOT, "free the call's slot and wake its tenant's queue"));

  public static Map<String, ActivityOptions> options() {
    Map<String, ActivityOptions> options = new java.util.HashMap<>();
    timing()
        .forEach(
            (name, timing) -> {
              String summary = SUMMARIES.get(name);
              options.put(
                  name, summary == null ? timing : timing.toBuilder().setSummary(summary).build());
            });
    return Map.copyOf(options);
  }

  private static Map<String, ActivityOptions> timing() {
    return Map.ofEntries(
        Map.entry(
            PICK_NODE,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(5))
                // While no node is up the call waits, but not for ever: then it fails.
                .setScheduleToCloseTimeout(Duration.ofMinutes(2))
                .setRetryOptions(
                    CALL_CONTROL_RETRY.toBuilder()
                        .setMaximumInterval(Duration.ofSeconds(5))
                        .build())
                .build()),
        Map.entry(ORIGINATE, callControl(Duration.ofSeconds(15), Duration.ofMinutes(1))),
        Map.entry(ANSWER, callControl(Duration.ofSeconds(10), Duration.ofMinutes(1))),
        Map.entry(PLAY, callControl(Duration.ofSeconds(10), Duration.ofMinutes(5))),
        Map.entry(STOP_PROMPT, callControl(Duration.ofSeconds(10), Duration.ofMinutes(1))),
        Map.entry(SEND_DIGITS, callControl(Duration.ofSeconds(10), Duration.ofMinutes(1))),
        Map.entry(HANGUP, callControl(Duration.ofSeconds(10), Duration.ofMinutes(5))),
        Map.entry(INSPECT_CHANNEL, callControl(Duration.ofSeconds(10), Duration.ofMinutes(5))),
        Map.entry(DIAL_CALL, step(Duration.ofMinutes(11))),
        Map.entry(ANSWER_CALL, step(Duration.ofMinutes(1))),
        Map.entry(PLAY_PROMPT, step(Duration.ofMinutes(30))),
        Map.entry(GATHER_DIGITS, step(Duration.ofMinutes(30))),
        Map.entry(HANG_UP_CALL, step(Duration.ofMinutes(1))),
        Map.entry(BRIDGE_LEGS, callControl(Duration.ofSeconds(10), Duration.ofMinutes(1))),
        Map.entry(RECORD_TRANSITION, storage()),
        Map.entry(WRITE_CDR, storage()),
        Map.entry(REGISTER_INBOUND_CALL, storage()),
        Map.entry(RESTORE_CALL, storage()),
        Map.entry(PUBLISH_WEBHOOK_EVENT, storage()),
        Map.entry(BEGIN_WEBHOOK_DELIVERY, storage()),
        // One HTTP request (its own timeouts are far shorter) plus its bookkeeping; a failed
        // request is an outcome, so only infrastructure faults (the database) are retried here.
        Map.entry(
            ATTEMPT_WEBHOOK_DELIVERY,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                // The attempt heartbeats while it waits for the receiver: a dead worker's attempt
                // is retried elsewhere within seconds.
                .setHeartbeatTimeout(Duration.ofSeconds(10))
                .setRetryOptions(STORAGE_RETRY)
                .build()),
        Map.entry(
            RESTART_ORPHANED_DELIVERIES,
            storage().toBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                // The next scheduled run tries again.
                .setScheduleToCloseTimeout(Duration.ofMinutes(5))
                .build()),
        // Redis down: retried until it answers, so queued calls wait (bounded by their maximum
        // wait).
        Map.entry(JOIN_CALL_QUEUE, storage()),
        Map.entry(GRANT_CALL_SLOT, storage()),
        Map.entry(RENEW_CALL_SLOT, storage()),
        Map.entry(RELEASE_CALL_SLOT, storage()),
        Map.entry(START_RECORDING, callControl(Duration.ofSeconds(10), Duration.ofMinutes(1))),
        Map.entry(STOP_RECORDING, callControl(Duration.ofSeconds(10), Duration.ofMinutes(5))),
        Map.entry(UPLOAD_RECORDING, upload()),
        Map.entry(RECORDING_STARTED, storage()),
        Map.entry(RECORDING_UPLOADING, storage()),
        Map.entry(RECORDING_AVAILABLE, storage()),
        Map.entry(RECORDING_FAILED, storage()),
        Map.entry(FIND_EXPIRED_RECORDINGS, storage()),
        Map.entry(
            DELETE_RECORDING,
            storage().toBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                // A run that cannot delete gives up; the next scheduled run tries again.
                .setScheduleToCloseTimeout(Duration.ofMinutes(30))
                .build()));
  }

  /**
   * A recording upload: long attempts (a large file on a slow link) that heartbeat, so a worker
   * that dies mid-upload is noticed within seconds and the upload retried (on the same node: the
   * file is on its disk). S3 may be away for hours; after a day the workflow marks the recording
   * failed, and the file stays on the node for an operator.
   */
  private static ActivityOptions upload() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        .setHeartbeatTimeout(Duration.ofSeconds(30))
        .setScheduleToCloseTimeout(Duration.ofHours(24))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2)
                .setMaximumInterval(Duration.ofMinutes(1))
                .setDoNotRetry("RecordingFileMissing", "InvalidRecording")
                .build())
        .build();
  }

  /** The options the worker registers call workflows with. */
  public static WorkflowImplementationOptions workflowImplementationOptions() {
    return WorkflowImplementationOptions.newBuilder()
        .setDefaultActivityOptions(
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build())
        .setActivityOptions(options())
        .setLocalActivityOptions(localOptions())
        .build();
  }

  /**
   * As {@link #workflowImplementationOptions()}, for a test server on virtual time (the flow test
   * kit): the waiting steps have no heartbeat timeout there, since the SDK spaces heartbeats in
   * wall time while the server's timeout would run on skipped time. No worker dies in the kit.
   */
  public static WorkflowImplementationOptions workflowImplementationOptionsOnVirtualTime() {
    Map<String, ActivityOptions> options = new java.util.HashMap<>(options());
    for (String step : List.of(DIAL_CALL, ANSWER_CALL, PLAY_PROMPT, GATHER_DIGITS, HANG_UP_CALL)) {
      options.computeIfPresent(
          step, (name, stepOptions) -> stepOptions.toBuilder().setHeartbeatTimeout(null).build());
    }
    return workflowImplementationOptions().toBuilder().setActivityOptions(options).build();
  }

  /**
   * Activities some workflows run as local activities: cheap, idempotent database and Redis reads
   * and writes that run inside the workflow task that needs them, saving a workflow task and an
   * activity task (two round trips through the server) each time. Their retries match the regular
   * activities': retried in the worker while short, by a timer in the history when long, so a
   * database that is down for a while holds the call or the delivery, as the regular activity did.
   */
  public static Map<String, LocalActivityOptions> localOptions() {
    Map<String, LocalActivityOptions> options = new java.util.HashMap<>();
    for (String name : List.of(RECORD_TRANSITION, WRITE_CDR, REGISTER_INBOUND_CALL, RESTORE_CALL)) {
      options.put(name, local(name, LOCAL_STORAGE_RETRY).build());
    }
    options.put(BEGIN_WEBHOOK_DELIVERY, local(BEGIN_WEBHOOK_DELIVERY, LOCAL_STORAGE_RETRY).build());
    // One HTTP request (at most 20 s of its own timeouts) and its bookkeeping, inside a call's
    // webhook workflow task. A database that is down holds the delivery, never ends it.
    options.put(
        ATTEMPT_WEBHOOK_DELIVERY,
        local(ATTEMPT_WEBHOOK_DELIVERY, LOCAL_STORAGE_RETRY)
            .setStartToCloseTimeout(Duration.ofMinutes(1))
            .build());
    options.put(
        PICK_NODE,
        local(
                PICK_NODE,
                CALL_CONTROL_RETRY.toBuilder().setMaximumInterval(Duration.ofSeconds(5)).build())
            .setStartToCloseTimeout(Duration.ofSeconds(5))
            // While no node is up the call waits, but not for ever: then it fails.
            .setScheduleToCloseTimeout(Duration.ofMinutes(2))
            .build());
    return Map.copyOf(options);
  }

  private static LocalActivityOptions.Builder local(String name, RetryOptions retry) {
    LocalActivityOptions.Builder builder =
        LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setLocalRetryThreshold(Duration.ofSeconds(10))
            .setRetryOptions(retry);
    String summary = SUMMARIES.get(name);
    return summary == null ? builder : builder.setSummary(summary);
  }

  /**
   * A step that waits on the node: long attempts (a ring, a long prompt) noticed dead by their
   * sparse heartbeats, retried quickly, bounded overall by what the step can take.
   */
  private static ActivityOptions step(Duration overall) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(overall)
        .setHeartbeatTimeout(STEP_HEARTBEAT_TIMEOUT)
        .setScheduleToCloseTimeout(overall.plusMinutes(5))
        .setRetryOptions(CALL_CONTROL_RETRY)
        .build();
  }

  private static ActivityOptions callControl(Duration attempt, Duration overall) {
    // Schedule-to-close bounds the time spent on a node whose worker is gone (it may come back).
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(attempt)
        .setScheduleToCloseTimeout(overall)
        .setRetryOptions(CALL_CONTROL_RETRY)
        .build();
  }

  private static ActivityOptions storage() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setRetryOptions(STORAGE_RETRY)
        .build();
  }
}
