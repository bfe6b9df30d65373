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
 */
public record WorkerTuning(
    Integer workflowCacheSize,
    Integer maxWorkflowThreads,
    Boolean virtualThreads,
    Integer maxConcurrentActivities,
    Integer maxConcurrentWorkflowTasks) {

  private static final int DEFAULT_CACHE = 10_000;
  private static final int DEFAULT_ACTIVITIES = 1_000;
  private static final int DEFAULT_WORKFLOW_TASKS = 200;

  public WorkerTuning {
    workflowCacheSize = positive(workflowCacheSize, DEFAULT_CACHE, "workflowCacheSize");
    maxWorkflowThreads = positive(maxWorkflowThreads, DEFAULT_CACHE, "maxWorkflowThreads");
    virtualThreads = virtualThreads == null || virtualThreads;
    maxConcurrentActivities = positive(maxConcurrentActivities, DEFAULT_ACTIVITIES, "maxConcurrentActivities");
    maxConcurrentWorkflowTasks =
        positive(maxConcurrentWorkflowTasks, DEFAULT_WORKFLOW_TASKS, "maxConcurrentWorkflowTasks");
  }

  /** 10,000 calls in memory on virtual threads: what one worker beside one switch should hold. */
  public static WorkerTuning defaults() {
    return new WorkerTuning(null, null, null, null, null);
  }

  /** The Temporal SDK's defaults: 600 cached workflows on 600 platform threads, 200 activities at once. */
  public static WorkerTuning sdkDefaults() {
    return new WorkerTuning(600, 600, false, 200, 200);
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
