package io.irisx.worker.bench;

import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.TemporalSettings;
import io.irisx.worker.WorkerTuning;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.concurrent.TimeUnit;

/**
 * The baseline's worker, in the stack's process beside the IRISX worker, tuned as the IRISX worker
 * is (its worker.yml defaults and the same environment overrides), so the two compare like for
 * like.
 */
final class BaselineWorker implements AutoCloseable {
  static final String TASK_QUEUE = "irisx-bench-baseline";

  private final TemporalConnection connection;
  private final WorkerFactory factory;

  private BaselineWorker(TemporalConnection connection, WorkerFactory factory) {
    this.connection = connection;
    this.factory = factory;
  }

  static BaselineWorker start(String temporalTarget) {
    TemporalConnection connection =
        TemporalConnection.open(
            new TemporalSettings(temporalTarget, TemporalSettings.DEFAULT_NAMESPACE));
    WorkerTuning tuning = tuning();
    WorkerFactory factory =
        WorkerFactory.newInstance(
            connection.client(), tuning.applyTo(WorkerFactoryOptions.newBuilder()).build());
    Worker worker = factory.newWorker(TASK_QUEUE, tuning.workerOptions());
    worker.registerWorkflowImplementationTypes(BaselineWorkflowImpl.class);
    worker.registerActivitiesImplementations(new NoopActivitiesImpl(connection.client()));
    factory.start();
    return new BaselineWorker(connection, factory);
  }

  /** What the bench stack's worker.yml gives the IRISX worker. */
  static WorkerTuning tuning() {
    String virtualThreads = System.getenv("IRISX_VIRTUAL_THREADS");
    return new WorkerTuning(
        integer("IRISX_WORKFLOW_CACHE_SIZE"),
        integer("IRISX_MAX_WORKFLOW_THREADS"),
        virtualThreads == null || virtualThreads.isBlank() ? null : Boolean.valueOf(virtualThreads),
        integer("IRISX_MAX_CONCURRENT_ACTIVITIES"),
        integer("IRISX_MAX_CONCURRENT_WORKFLOW_TASKS"),
        integer("IRISX_WORKFLOW_TASK_POLLERS"),
        integer("IRISX_ACTIVITY_TASK_POLLERS"));
  }

  private static Integer integer(String variable) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
  }

  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    connection.close();
  }
}
