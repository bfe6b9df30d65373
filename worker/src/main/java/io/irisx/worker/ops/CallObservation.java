package io.irisx.worker.ops;

import io.irisx.temporal.LogContext;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Puts a call's id and tenant in the log context of every line its workflow writes ({@code
 * Workflow.getLogger}, in the workflow method, signal and update handlers alike) and of activities
 * whose workflow ran before the {@link LogContext} propagator existed; counts calls as they start
 * and end ({@code irisx_calls_started_total} by direction, {@code irisx_calls_ended_total} by final
 * status), never while a history is replayed, so a call counts once however many workers pick it
 * up.
 */
public final class CallObservation extends WorkerInterceptorBase {
  private static final String CALL_WORKFLOW_PREFIX = CallRequest.workflowId("");

  private final MeterRegistry registry;
  private final Counter outboundStarted;
  private final Counter inboundStarted;

  public CallObservation(MeterRegistry registry) {
    this.registry = registry;
    this.outboundStarted = started(registry, "outbound");
    this.inboundStarted = started(registry, "inbound");
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new CallWorkflowObservation(next);
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private boolean derived;

      @Override
      public void init(ActivityExecutionContext context) {
        String workflowId = context.getInfo().getWorkflowId();
        if (MDC.get(LogContext.CALL_ID) == null && workflowId.startsWith(CALL_WORKFLOW_PREFIX)) {
          MDC.put(LogContext.CALL_ID, workflowId.substring(CALL_WORKFLOW_PREFIX.length()));
          derived = true;
        }
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } finally {
          if (derived) {
            MDC.remove(LogContext.CALL_ID);
          }
        }
      }
    };
  }

  private static Counter started(MeterRegistry registry, String direction) {
    return Counter.builder("irisx_calls_started")
        .description("Calls whose workflow started, by direction; rate() gives calls per second")
        .tag("direction", direction)
        .register(registry);
  }

  private final class CallWorkflowObservation extends WorkflowInboundCallsInterceptorBase {
    private volatile @Nullable String callId;
    private volatile @Nullable String tenantId;

    CallWorkflowObservation(WorkflowInboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public WorkflowOutput execute(WorkflowInput input) {
      Object[] arguments = input.getArguments();
      if (arguments.length == 1 && arguments[0] instanceof CallRequest request) {
        callId = request.callId();
        tenantId = request.tenantId();
        applyLogContext();
        if (!Workflow.isReplaying()) {
          (request.inbound() == null ? outboundStarted : inboundStarted).increment();
        }
        WorkflowOutput output = super.execute(input);
        if (!Workflow.isReplaying()
            && output.getResult() instanceof CallResult result
            && result.status() != null) {
          Counter.builder("irisx_calls_ended")
              .description("Calls that ended, by final status")
              .tag("status", result.status().wireName())
              .register(registry)
              .increment();
        }
        return output;
      }
      return super.execute(input);
    }

    @Override
    public void handleSignal(SignalInput input) {
      applyLogContext();
      super.handleSignal(input);
    }

    @Override
    public UpdateOutput executeUpdate(UpdateInput input) {
      applyLogContext();
      return super.executeUpdate(input);
    }

    @Override
    public Object newCallbackThread(Runnable runnable, String name) {
      return super.newCallbackThread(
          () -> {
            applyLogContext();
            runnable.run();
          },
          name);
    }

    /** Workflow threads are the SDK's own; it clears their MDC when they end. */
    private void applyLogContext() {
      if (callId != null) {
        MDC.put(LogContext.CALL_ID, callId);
      }
      if (tenantId != null) {
        MDC.put(LogContext.TENANT_ID, tenantId);
      }
    }
  }
}
