package io.irisx.worker;

import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;

/**
 * How many calls one worker keeps in memory and how it runs them: the {@code workerTuning:} block
 * of worker.yml. Every call is a workflow waiting for channel events, so a worker holding thousands
 * of calls needs a workflow cache that large (a call evicted from it is replayed from its whole
 * history at its next event) and a thread per cached workflow: virtual threads make that cheap.
 *
 * <p>Null fields take the defaults of {@link #defaults()}; {@link #sdkDefaults()} are the Temporal
 * SDK's own, for comparison ({@code ./irisx bench} measures both).
 *
 * @param workflowCacheSize workflows kept in memory between their tasks (sticky cache)
 * @param maxWorkflowThreads threads for cached workflows; a full pool forces evictions
 * @param virtualThreads virtual threads for workflow code and for activities and pollers
 * @param maxConcurrentActivities activities this worker runs at once, per task queue
 * @param maxConcurrentWorkflowTasks workflow tasks this worker runs at once, per task queue
 * @param workflowTaskPollers concurrent long polls for workflow tasks, per task queue, shared
 *     between the queue and this worker's sticky queue
 * @param activityTaskPollers concurrent long polls for activity tasks, per task queue
 */
public record WorkerTuning(
    Integer workflowCacheSize,
    Integer maxWorkflowThreads,
    Boolean virtualThreads,
    Integer maxConcurrentActivities,
    Integer maxConcurrentWorkflowTasks,
    Integer workflowTaskPollers,
    Integer activityTaskPollers) {

  private static final int DEFAULT_CACHE = 10_000;
  private static final int DEFAULT_ACTIVITIES = 1_000;
  private static final int DEFAULT_WORKFLOW_TASKS = 200;

  /**
   * The SDK's 5 pollers split 2 for the shared queue and 3 for the sticky one: every new workflow
   * (each webhook delivery is one) waits for one of those 2, and on a busy server a poll takes long
   * enough that first workflow tasks waited 29 s on average in {@code ./irisx bench webhooks}
   * (docs/operations.md, Figures). A poller is a parked virtual thread and an idle long poll on the
   * server: cheap.
   */
  private static final int DEFAULT_WORKFLOW_TASK_POLLERS = 16;

  private static final int DEFAULT_ACTIVITY_TASK_POLLERS = 8;

  public WorkerTuning {
    workflowCacheSize = positive(workflowCacheSize, DEFAULT_CACHE, "workflowCacheSize");
    maxWorkflowThreads = positive(maxWorkflowThreads, DEFAULT_CACHE, "maxWorkflowThreads");
    virtualThreads = virtualThreads == null || virtualThreads;
    maxConcurrentActivities =
        positive(maxConcurrentActivities, DEFAULT_ACTIVITIES, "maxConcurrentActivities");
    maxConcurrentWorkflowTasks =
        positive(maxConcurrentWorkflowTasks, DEFAULT_WORKFLOW_TASKS, "maxConcurrentWorkflowTasks");
    workflowTaskPollers =
        positive(workflowTaskPollers, DEFAULT_WORKFLOW_TASK_POLLERS, "workflowTaskPollers");
    if (workflowTaskPollers < 2) {
      // The SDK needs one for the shared queue and one for the sticky queue.
      throw new IllegalArgumentException("workerTuning.workflowTaskPollers must be at least 2");
    }
    activityTaskPollers =
        positive(activityTaskPollers, DEFAULT_ACTIVITY_TASK_POLLERS, "activityTaskPollers");
  }

  /** 10,000 calls in memory on virtual threads: what one worker beside one switch should hold. */
  public static WorkerTuning defaults() {
    return new WorkerTuning(
        DEFAULT_CACHE,
        DEFAULT_CACHE,
        true,
        DEFAULT_ACTIVITIES,
        DEFAULT_WORKFLOW_TASKS,
        DEFAULT_WORKFLOW_TASK_POLLERS,
        DEFAULT_ACTIVITY_TASK_POLLERS);
  }

  /**
   * The Temporal SDK's defaults: 600 cached workflows on 600 platform threads, 200 activities at
   * once, 5 pollers of each kind.
   */
  public static WorkerTuning sdkDefaults() {
    return new WorkerTuning(600, 600, false, 200, 200, 5, 5);
  }

  /** The factory-wide part: the cache and its threads. */
  public WorkerFactoryOptions.Builder applyTo(WorkerFactoryOptions.Builder factory) {
    return factory
        .setWorkflowCacheSize(workflowCacheSize)
        .setMaxWorkflowThreadCount(maxWorkflowThreads)
        .setUsingVirtualWorkflowThreads(virtualThreads);
  }

  /** The per-queue part: concurrency, and virtual threads for activities and pollers. */
  public WorkerOptions workerOptions() {
    return WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(maxConcurrentActivities)
        .setMaxConcurrentWorkflowTaskExecutionSize(maxConcurrentWorkflowTasks)
        .setUsingVirtualThreads(virtualThreads)
        .setMaxConcurrentWorkflowTaskPollers(workflowTaskPollers)
        .setMaxConcurrentActivityTaskPollers(activityTaskPollers)
        .build();
  }

  private static Integer positive(Integer value, Integer fallback, String name) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw new IllegalArgumentException("workerTuning." + name + " must be at least 1");
    }
    return value;
  }
}
