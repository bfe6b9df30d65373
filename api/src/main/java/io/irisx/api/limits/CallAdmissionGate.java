package io.irisx.api.limits;

import io.irisx.api.CallLimitSettings;
import io.irisx.db.TenantCallLimits;
import io.irisx.workflows.admission.CallAdmission;
import io.irisx.workflows.admission.CallSlotKeys;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door of a tenant's call slots: a new outbound call takes a slot at once when the tenant is
 * under its rate and concurrency and nobody waits; otherwise it joins the queue (or, asked not to
 * queue, is refused). One Lua script shared with the worker decides, atomically, on Redis. Redis
 * not answering is an answer of its own ({@link Outcome#UNAVAILABLE}): never "unlimited".
 */
public final class CallAdmissionGate {
  public enum Outcome {
    ADMITTED,
    QUEUED,
    REFUSED,
    UNAVAILABLE
  }

  /** What the door said; {@code retryAfterMillis} when refused. */
  public record Decision(
      Outcome outcome, CallAdmission limits, @Nullable String refusedBy, long retryAfterMillis) {}

  private static final Logger log = LoggerFactory.getLogger(CallAdmissionGate.class);

  private final RedissonClient redis;
  private final CallLimitSettings defaults;

  public CallAdmissionGate(RedissonClient redis, CallLimitSettings defaults) {
    this.redis = redis;
    this.defaults = defaults;
  }

  /** The tenant's limits: its own where it has them, the configured defaults elsewhere. */
  public CallAdmission limitsOf(TenantCallLimits own) {
    return new CallAdmission(
        false,
        own.callsPerSecond() != null ? own.callsPerSecond() : defaults.getCallsPerSecond(),
        own.maxConcurrentCalls() != null
            ? own.maxConcurrentCalls()
            : defaults.getMaxConcurrentCalls(),
        own.maxQueueWaitSeconds() != null
            ? own.maxQueueWaitSeconds()
            : defaults.getMaxQueueWaitSeconds(),
        defaults.getSlotLeaseSeconds());
  }

  public Decision admit(UUID tenantId, UUID callId, CallAdmission limits, boolean mayQueue) {
    List<Object> reply;
    try {
      reply =
          redis
              .getScript(StringCodec.INSTANCE)
              .eval(
                  CallSlotKeys.leases(tenantId.toString()),
                  RScript.Mode.READ_WRITE,
                  CallSlotKeys.TAKE_SLOT_SCRIPT,
                  RScript.ReturnType.LIST,
                  CallSlotKeys.of(tenantId.toString()),
                  CallSlotKeys.takeSlotArguments(
                      callId.toString(), limits, mayQueue ? "queue" : "door"));
    } catch (RuntimeException e) {
      log.warn(
          "Redis does not answer ({}): outbound calls are refused with 503 until it does",
          e.toString());
      return new Decision(Outcome.UNAVAILABLE, limits, null, 0);
    }
    if (((Number) reply.get(0)).longValue() == 1) {
      return new Decision(Outcome.ADMITTED, withAdmitted(limits), null, 0);
    }
    return new Decision(
        mayQueue ? Outcome.QUEUED : Outcome.REFUSED,
        limits,
        String.valueOf(reply.get(1)),
        ((Number) reply.get(2)).longValue());
  }

  /** Gives a slot (or a place in the queue) back when the call's workflow could not be started. */
  public void release(UUID tenantId, UUID callId) {
    try {
      redis
          .getScript(StringCodec.INSTANCE)
          .eval(
              CallSlotKeys.leases(tenantId.toString()),
              RScript.Mode.READ_WRITE,
              "redis.call('ZREM', KEYS[1], ARGV[1]); redis.call('ZREM', KEYS[2], ARGV[1]); return 1",
              RScript.ReturnType.LONG,
              List.of(
                  CallSlotKeys.leases(tenantId.toString()),
                  CallSlotKeys.waiting(tenantId.toString())),
              callId.toString());
    } catch (RuntimeException e) {
      // The lease runs out on its own.
      log.warn("could not give back the slot of call {}: {}", callId, e.toString());
    }
  }

  private static CallAdmission withAdmitted(CallAdmission limits) {
    return new CallAdmission(
        true,
        limits.callsPerSecond(),
        limits.maxConcurrentCalls(),
        limits.maxWaitSeconds(),
        limits.leaseSeconds());
  }
}
