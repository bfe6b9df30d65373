package io.irisx.worker.ops;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Whether this worker polls its task queues, as Temporal itself sees it: the factory is started and
 * not shutting down, and the server lists a poller with this process's identity on each queue
 * (workflow pollers on the shared queue, activity pollers on the node's queue). The server's view
 * is cached for a second, so probes cost the cluster nothing worth counting.
 */
public final class PollingCheck implements Supplier<String> {
  private static final long CACHE_NANOS = 1_000_000_000L;

  private final WorkerFactory workers;
  private final WorkflowClient client;
  private final List<QueueRole> queues;
  private volatile long checkedAt;
  private volatile @Nullable String cached = "not checked yet";

  /** A task queue and the kind of poller this worker runs on it. */
  public record QueueRole(String taskQueue, TaskQueueType type) {}

  public PollingCheck(WorkerFactory workers, WorkflowClient client, List<QueueRole> queues) {
    this.workers = workers;
    this.client = client;
    this.queues = List.copyOf(queues);
  }

  /** Null while polling, otherwise why not. */
  @Override
  public @Nullable String get() {
    if (!workers.isStarted()) {
      return "Temporal workers not started";
    }
    if (workers.isShutdown()) {
      return "Temporal workers shutting down";
    }
    long now = System.nanoTime();
    if (now - checkedAt > CACHE_NANOS) {
      cached = askServer();
      checkedAt = now;
    }
    return cached;
  }

  private @Nullable String askServer() {
    String identity = client.getOptions().getIdentity();
    for (QueueRole queue : queues) {
      try {
        boolean polling =
            client
                .getWorkflowServiceStubs()
                .blockingStub()
                .describeTaskQueue(
                    DescribeTaskQueueRequest.newBuilder()
                        .setNamespace(client.getOptions().getNamespace())
                        .setTaskQueue(TaskQueue.newBuilder().setName(queue.taskQueue()))
                        .setTaskQueueType(queue.type())
                        .build())
                .getPollersList()
                .stream()
                .anyMatch(poller -> identity.equals(poller.getIdentity()));
        if (!polling) {
          return "no poller of " + identity + " on " + queue.taskQueue() + " yet";
        }
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
          return null; // the in-process test server cannot say; a started factory polls
        }
        return "cannot ask Temporal about " + queue.taskQueue() + ": " + e.getStatus().getCode();
      }
    }
    return null;
  }
}
