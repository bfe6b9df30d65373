package io.irisx.api.calls;

import io.irisx.api.CallSettings;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.errors.InfrastructureOutage;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.limits.CallAdmissionGate;
import io.irisx.api.representations.StartCallBody;
import io.irisx.api.requests.FlowParamsValidator;
import io.irisx.db.CallDao;
import io.irisx.db.CallRow;
import io.irisx.db.TenantCallLimits;
import io.irisx.db.TenantDao;
import io.irisx.workflows.admission.CallAdmission;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallStatus;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.webhook.WebhookUrlPolicy;
import io.irisx.workflows.webhook.WebhookUrlRefusedException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an outbound call: the {@code queued} row first (so the workflow's first status write finds
 * it), then the call's workflow. A call whose workflow surely did not start is marked failed; one
 * whose start cannot be confirmed either way is left queued and answered {@code 503
 * call-outcome-unknown} (see {@link CallWorkflowStart}).
 */
public final class CallStarter {
  private static final Logger log = LoggerFactory.getLogger(CallStarter.class);
  private static final int MAX_SHOWN_FLOW_NAME = 60;

  private final CallDao calls;
  private final CallWorkflowStart starts;
  private final CallFlows flows;
  private final CallSettings settings;
  private final Clock clock;

  /** Null: no Redis configured, calls run under no limits (the API warns at start). */
  private final @Nullable CallAdmissionGate gate;

  private final TenantDao tenants;
  private final FlowParamsValidator params;

  /** A call's own {@code webhookUrl} is held to the rules of {@code /v1/webhooks}. */
  private final WebhookUrlPolicy webhookUrls;

  public CallStarter(
      CallDao calls,
      CallWorkflowStart starts,
      CallFlows flows,
      CallSettings settings,
      Clock clock,
      @Nullable CallAdmissionGate gate,
      TenantDao tenants,
      FlowParamsValidator params,
      WebhookUrlPolicy webhookUrls) {
    this.params = params;
    this.webhookUrls = webhookUrls;
    this.gate = gate;
    this.tenants = tenants;
    this.calls = calls;
    this.starts = starts;
    this.flows = flows;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Validates the request, then starts the call; throws a {@link ProblemException} if it cannot.
   */
  public CallRow start(AuthenticatedTenant tenant, StartCallBody body) {
    return start(tenant, body, null);
  }

  /**
   * As {@link #start(AuthenticatedTenant, StartCallBody)}; with an idempotency key the call's id
   * comes from (tenant, key), so a repeated request finds the call the first one made instead of
   * making another, on any API replica, even after the stored response has expired.
   */
  public CallRow start(
      AuthenticatedTenant tenant, StartCallBody body, @Nullable String idempotencyKey) {
    if (body == null) {
      throw new ProblemException(
          ProblemType.MALFORMED_JSON, "The request body is empty; expected a JSON object.");
    }
    var problems = body.problems();
    if (!problems.isEmpty()) {
      throw ProblemException.validation(problems);
    }
    if (body.webhookUrl() != null) {
      try {
        webhookUrls.check(body.webhookUrl());
      } catch (WebhookUrlRefusedException refused) {
        // Accepted, its events would never be delivered: refused now, as /v1/webhooks refuses it.
        throw ProblemException.validation("webhookUrl", "is not allowed: " + refused.getMessage());
      }
    }
    if (!flows.contains(body.flow())) {
      throw new ProblemException(
          ProblemType.UNKNOWN_FLOW,
          "No flow is registered as '"
              + shorten(body.flow())
              + "'; known flows: "
              + String.join(", ", flows.names())
              + ".");
    }
    // Checked before anything is written or dialled: a bad parameter must not reach the switch.
    var paramProblems = params.problems(body.flow(), body.params());
    if (!paramProblems.isEmpty()) {
      throw ProblemException.validation(paramProblems);
    }

    UUID callId =
        idempotencyKey == null
            ? CallIds.random()
            : CallIds.forIdempotencyKey(tenant.tenantId(), idempotencyKey);
    if (idempotencyKey != null) {
      var existing = calls.find(tenant.tenantId(), callId);
      if (existing.isPresent()) {
        CallRow call = existing.get();
        if (!call.fromNumber().equals(body.from())
            || !call.toNumber().equals(body.to())
            || !body.flow().equals(call.flow())) {
          throw new ProblemException(
              ProblemType.IDEMPOTENCY_KEY_REUSED,
              "This Idempotency-Key already made call "
                  + callId
                  + " with other numbers or another flow; use a new key for a new call.");
        }
        if (!CallStatus.QUEUED.wireName().equals(call.status())) {
          return call; // made and started by an earlier request with this key
        }
        // Still queued: the earlier request may have died before starting the workflow; starting
        // it again is harmless (the workflow id is taken at most once).
      }
    }
    CallAdmission admission = admit(tenant, callId, body);
    // Milliseconds: what the API shows is then exactly what is stored.
    Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    try {
      calls.insertQueued(callId, tenant.tenantId(), body.from(), body.to(), body.flow(), createdAt);
    } catch (RuntimeException e) {
      releaseSlot(tenant, callId, admission); // no row, no workflow: the slot is not used
      throw e;
    }
    CallRequest request =
        new CallRequest(
            callId.toString(),
            tenant.tenantId().toString(),
            body.from(),
            body.to(),
            body.flow(),
            // The request's own default, given explicitly.
            body.params() == null ? Map.of() : body.params(),
            settings.getRingTimeoutSeconds(),
            settings.getWatchdogSeconds(),
            null,
            body.webhookUrl(),
            body.recordsWholeCall(),
            admission);
    CallWorkflowStart.Result started;
    try {
      started = starts.start(request);
    } catch (RuntimeException e) {
      // CallWorkflowStart settles every failure of the start itself; this is one before it (the
      // request could not even be made), so nothing was sent.
      markFailed(callId);
      releaseSlot(tenant, callId, admission);
      throw e;
    }
    switch (started.outcome()) {
      case STARTED -> {}
      case REFUSED -> {
        markFailed(callId);
        releaseSlot(tenant, callId, admission);
        // A request Temporal refuses (too large, malformed) is refused again on every retry.
        throw new ProblemException(
                ProblemType.CALL_START_REFUSED,
                "Temporal refused to start the call ("
                    + started.refusal()
                    + "); it is marked failed and will not be dialled. Retrying the same request"
                    + " cannot succeed.")
            .causedBy(started.failure());
      }
      case NOT_STARTED -> {
        markFailed(callId);
        releaseSlot(tenant, callId, admission);
        throw new ProblemException(
                ProblemType.TEMPORAL_UNAVAILABLE,
                "The call could not be started (Temporal did not answer); it is marked failed and"
                    + " will not be dialled. Try again later.")
            .withHeader("Retry-After", String.valueOf(InfrastructureOutage.RETRY_AFTER_SECONDS))
            .causedBy(started.failure());
      }
      case UNKNOWN -> {
        // Neither failed nor answered 201: the row stays queued, its slot taken (a workflow that
        // did start holds it), until NeverStartedCalls settles it with Temporal.
        throw new ProblemException(
                ProblemType.CALL_OUTCOME_UNKNOWN,
                "Temporal did not confirm whether call "
                    + callId
                    + " started. It is either dialled once or ended as failed, never both: GET"
                    + " /v1/calls/"
                    + callId
                    + " tells which within a minute. Retrying with the same Idempotency-Key is"
                    + " safe and answers the call itself; a retry without a key may make a second"
                    + " call.")
            .withHeader("Retry-After", String.valueOf(InfrastructureOutage.RETRY_AFTER_SECONDS))
            .aboutCall(callId.toString())
            .causedBy(started.failure());
      }
    }
    try {
      return calls
          .find(tenant.tenantId(), callId)
          .orElseThrow(() -> new IllegalStateException("call " + callId + " vanished"));
    } catch (RuntimeException e) {
      if (InfrastructureOutage.of(e).isEmpty()) {
        throw e;
      }
      // The workflow runs: the call exists, so the answer is 201, with the row as it was written
      // (an answer other than 201 must mean that no call was made).
      log.warn("call {} started, but its row cannot be read back: {}", callId, e.toString());
      return queuedRow(callId, tenant, body, createdAt);
    }
  }

  private static CallRow queuedRow(
      UUID callId, AuthenticatedTenant tenant, StartCallBody body, Instant createdAt) {
    return new CallRow(
        callId,
        tenant.tenantId(),
        "outbound",
        body.from(),
        body.to(),
        body.flow(),
        CallStatus.QUEUED.wireName(),
        null,
        null,
        createdAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * The tenant's limits at the door: a slot now, a place in the queue, or (with {@code "queue":
   * false}) 429. Redis down: 503, and no call is made; see docs/limits.md.
   */
  private @Nullable CallAdmission admit(
      AuthenticatedTenant tenant, UUID callId, StartCallBody body) {
    if (gate == null) {
      return null;
    }
    TenantCallLimits own =
        tenants.findCallLimits(tenant.tenantId()).orElse(new TenantCallLimits(null, null, null));
    boolean mayQueue = !Boolean.FALSE.equals(body.queue());
    CallAdmissionGate.Decision decision =
        gate.admit(tenant.tenantId(), callId, gate.limitsOf(own), mayQueue);
    return switch (decision.outcome()) {
      case ADMITTED, QUEUED -> decision.limits();
      case REFUSED ->
          throw new ProblemException(
                  ProblemType.CALL_LIMIT_REACHED,
                  "The tenant is at its call limit ("
                      + describe(decision)
                      + ") and the request asked not to queue; retry after the time in Retry-After.")
              .withHeader(
                  "Retry-After",
                  String.valueOf(Math.max(1, (decision.retryAfterMillis() + 999) / 1000)));
      case UNAVAILABLE ->
          throw new ProblemException(
                  ProblemType.CALL_ADMISSION_UNAVAILABLE,
                  "The tenant's call limits cannot be checked (Redis does not answer), so no call is"
                      + " made; retry shortly.")
              .withHeader("Retry-After", String.valueOf(ADMISSION_RETRY_AFTER_SECONDS));
    };
  }

  private static final int ADMISSION_RETRY_AFTER_SECONDS = 5;

  private static String describe(CallAdmissionGate.Decision decision) {
    CallAdmission limits = decision.limits();
    String refusedBy =
        Objects.requireNonNull(decision.refusedBy(), "a refused admission names its limit");
    return switch (refusedBy) {
      case "rate" -> limits.callsPerSecond() + " calls a second";
      case "concurrency" -> limits.maxConcurrentCalls() + " calls up at once";
      default -> "calls are already waiting for a slot";
    };
  }

  private void releaseSlot(
      AuthenticatedTenant tenant, UUID callId, @Nullable CallAdmission admission) {
    if (gate != null && admission != null) {
      gate.release(tenant.tenantId(), callId);
    }
  }

  private void markFailed(UUID callId) {
    try {
      calls.updateStatus(callId, CallStatus.FAILED.wireName(), clock.instant(), null, null);
    } catch (RuntimeException e) {
      log.error("could not mark call {} failed after its workflow did not start", callId, e);
    }
  }

  private static String shorten(String name) {
    return name.length() <= MAX_SHOWN_FLOW_NAME
        ? name
        : name.substring(0, MAX_SHOWN_FLOW_NAME) + "…";
  }
}
