package io.irisx.worker.bench;

import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.TemporalSettings;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;

/**
 * The baseline's worker, in the stack's process beside the IRISX worker, with the same factory
 * defaults, so the two compare like for like.
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
        TemporalConnection.open(new TemporalSettings(temporalTarget, TemporalSettings.DEFAULT_NAMESPACE));
    WorkerFactory factory = WorkerFactory.newInstance(connection.client());
    Worker worker = factory.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(BaselineWorkflowImpl.class);
    worker.registerActivitiesImplementations(new NoopActivitiesImpl(connection.client()));
    factory.start();
    return new BaselineWorker(connection, factory);
  }

  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    connection.close();
  }
}
