package io.irisx.activities.limits;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.admission.CallSlotActivities;
import io.irisx.workflows.admission.CallSlotKeys;
import io.irisx.workflows.admission.QueuedCall;
import io.irisx.workflows.admission.SlotGrant;
import io.irisx.workflows.admission.TenantQueueState;
import io.irisx.workflows.admission.TenantQueueWorkflow;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Call slots on Redis (Redisson), for the worker's side of admission: the queue's grants, the
 * leases' renewals and releases. A Redis that does not answer fails the activity, which Temporal
 * retries ({@link ActivityCatalogue}): queued calls keep waiting until Redis is back.
 */
public final class CallSlotActivitiesImpl implements CallSlotActivities {
  private final RedissonClient redis;
  private final WorkflowClient temporal;

  public CallSlotActivitiesImpl(RedissonClient redis, WorkflowClient temporal) {
    this.redis = redis;
    this.temporal = temporal;
  }

  @Override
  public void join(QueuedCall call) {
    TenantQueueWorkflow queue =
        temporal.newWorkflowStub(
            TenantQueueWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TenantQueueWorkflow.workflowId(call.tenantId()))
                .setTaskQueue(TaskQueues.CALLS)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setStaticSummary("call queue of tenant " + call.tenantId())
                .build());
    BatchRequest request = temporal.newSignalWithStartRequest();
    request.add(queue::run, new TenantQueueState(call.tenantId(), List.of()));
    request.add(queue::join, call);
    temporal.signalWithStart(request);
  }

  @Override
  public SlotGrant grant(QueuedCall call) {
    List<Object> reply =
        redis
            .getScript(StringCodec.INSTANCE)
            .eval(
                CallSlotKeys.leases(call.tenantId()),
                RScript.Mode.READ_WRITE,
                CallSlotKeys.TAKE_SLOT_SCRIPT,
                RScript.ReturnType.LIST,
                CallSlotKeys.of(call.tenantId()),
                CallSlotKeys.takeSlotArguments(call.callId(), call.limits(), "head"));
    if (((Number) reply.get(0)).longValue() == 1) {
      return SlotGrant.yes();
    }
    return new SlotGrant(false, String.valueOf(reply.get(1)), ((Number) reply.get(2)).longValue());
  }

  @Override
  public void renew(String tenantId, String callId, int leaseSeconds) {
    // Re-added even if it lapsed meanwhile: the call is up, so it counts against the limit.
    redis
        .getScript(StringCodec.INSTANCE)
        .eval(
            CallSlotKeys.leases(tenantId),
            RScript.Mode.READ_WRITE,
            "local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000); "
                + "redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1]); "
                + "redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2); return 1",
            RScript.ReturnType.LONG,
            List.of(CallSlotKeys.leases(tenantId)),
            callId,
            String.valueOf(leaseSeconds * 1000L));
  }

  @Override
  public void release(String tenantId, String callId) {
    Long waiting =
        redis
            .getScript(StringCodec.INSTANCE)
            .eval(
                CallSlotKeys.leases(tenantId),
                RScript.Mode.READ_WRITE,
                "redis.call('ZREM', KEYS[1], ARGV[1]); redis.call('ZREM', KEYS[2], ARGV[1]); "
                    + "return redis.call('ZCARD', KEYS[2])",
                RScript.ReturnType.LONG,
                List.of(CallSlotKeys.leases(tenantId), CallSlotKeys.waiting(tenantId)),
                callId);
    if (waiting != null && waiting > 0) {
      try {
        temporal
            .newWorkflowStub(TenantQueueWorkflow.class, TenantQueueWorkflow.workflowId(tenantId))
            .slotFreed();
      } catch (WorkflowNotFoundException noQueue) {
        // the waiting entries are stale: nothing to wake
      }
    }
  }
}
