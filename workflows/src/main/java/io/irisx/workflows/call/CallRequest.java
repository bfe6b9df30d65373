package io.irisx.workflows.call;

import io.irisx.workflows.admission.CallAdmission;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the API asks for when it starts a call workflow. Ids are UUID strings; numbers are strict
 * E.164, already validated by the API (and validated again before anything reaches ESL).
 *
 * @param watchdogSeconds how often a waiting call checks that its channel still exists, so a call
 *     whose events were lost (worker or ESL link down) never waits forever
 * @param inbound the parked channel of a call that came in from the network; null for a call IRISX
 *     dials out
 * @param webhookUrl the call's own URL for its events (besides the tenant's endpoints), or null
 * @param record whether to record the whole call, from answer to hangup ({@code "record": true})
 * @param admission the tenant's call limits the call runs under, or null when it runs under none
 *     (inbound calls, an API without Redis, calls started before limits existed)
 */
public record CallRequest(
    String callId,
    String tenantId,
    String from,
    String to,
    String flow,
    Map<String, Object> params,
    int ringTimeoutSeconds,
    int watchdogSeconds,
    @Nullable InboundLeg inbound,
    @Nullable String webhookUrl,
    boolean record,
    @Nullable CallAdmission admission) {

  public static final int DEFAULT_RING_TIMEOUT_SECONDS = 30;
  public static final int DEFAULT_WATCHDOG_SECONDS = 15;

  public CallRequest {
    params = params == null ? Map.of() : Map.copyOf(params);
    if (ringTimeoutSeconds <= 0) {
      ringTimeoutSeconds = DEFAULT_RING_TIMEOUT_SECONDS;
    }
    if (watchdogSeconds <= 0) {
      watchdogSeconds = DEFAULT_WATCHDOG_SECONDS;
    }
  }

  /** An outbound call: IRISX dials {@code to} from {@code from}. */
  public CallRequest(
      String callId,
      String tenantId,
      String from,
      String to,
      String flow,
      Map<String, Object> params,
      int ringTimeoutSeconds,
      int watchdogSeconds) {
    this(
        callId,
        tenantId,
        from,
        to,
        flow,
        params,
        ringTimeoutSeconds,
        watchdogSeconds,
        null,
        null,
        false,
        null);
  }

  /** A call that is not recorded as a whole. */
  public CallRequest(
      String callId,
      String tenantId,
      String from,
      String to,
      String flow,
      Map<String, Object> params,
      int ringTimeoutSeconds,
      int watchdogSeconds,
      @Nullable InboundLeg inbound,
      @Nullable String webhookUrl) {
    this(
        callId,
        tenantId,
        from,
        to,
        flow,
        params,
        ringTimeoutSeconds,
        watchdogSeconds,
        inbound,
        webhookUrl,
        false,
        null);
  }

  public static String workflowId(String callId) {
    return "call-" + callId;
  }
}
