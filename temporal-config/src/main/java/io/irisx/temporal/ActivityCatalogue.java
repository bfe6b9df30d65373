package io.irisx.temporal;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
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
  public static final String HANGUP = "Hangup";
  public static final String INSPECT_CHANNEL = "InspectChannel";
  public static final String RECORD_TRANSITION = "RecordTransition";
  public static final String WRITE_CDR = "WriteCdr";
  public static final String REGISTER_INBOUND_CALL = "RegisterInboundCall";
  public static final String PUBLISH_WEBHOOK_EVENT = "PublishWebhookEvent";
  public static final String BEGIN_WEBHOOK_DELIVERY = "BeginWebhookDelivery";
  public static final String ATTEMPT_WEBHOOK_DELIVERY = "AttemptWebhookDelivery";

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

  private ActivityCatalogue() {}

  public static Map<String, ActivityOptions> options() {
    return Map.ofEntries(
        Map.entry(
            PICK_NODE,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(5))
                // While no node is up the call waits, but not for ever: then it fails.
                .setScheduleToCloseTimeout(Duration.ofMinutes(2))
                .setRetryOptions(CALL_CONTROL_RETRY.toBuilder().setMaximumInterval(Duration.ofSeconds(5)).build())
                .build()),
        Map.entry(ORIGINATE, callControl(Duration.ofSeconds(15), Duration.ofMinutes(1))),
        Map.entry(ANSWER, callControl(Duration.ofSeconds(10), Duration.ofMinutes(1))),
        Map.entry(PLAY, callControl(Duration.ofSeconds(10), Duration.ofMinutes(5))),
        Map.entry(HANGUP, callControl(Duration.ofSeconds(10), Duration.ofMinutes(5))),
        Map.entry(INSPECT_CHANNEL, callControl(Duration.ofSeconds(10), Duration.ofMinutes(5))),
        Map.entry(RECORD_TRANSITION, storage()),
        Map.entry(WRITE_CDR, storage()),
        Map.entry(REGISTER_INBOUND_CALL, storage()),
        Map.entry(PUBLISH_WEBHOOK_EVENT, storage()),
        Map.entry(BEGIN_WEBHOOK_DELIVERY, storage()),
        // One HTTP request (its own timeouts are far shorter) plus its bookkeeping; a failed
        // request is an outcome, so only infrastructure faults (the database) are retried here.
        Map.entry(ATTEMPT_WEBHOOK_DELIVERY,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                .setRetryOptions(STORAGE_RETRY)
                .build()));
  }

  /** The options the worker registers call workflows with. */
  public static WorkflowImplementationOptions workflowImplementationOptions() {
    return WorkflowImplementationOptions.newBuilder()
        .setDefaultActivityOptions(
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build())
        .setActivityOptions(options())
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
