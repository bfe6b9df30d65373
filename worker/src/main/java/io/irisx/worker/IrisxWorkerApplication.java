package io.irisx.worker;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.irisx.activities.cdr.CallRecordActivitiesImpl;
import io.irisx.activities.esl.CallControlActivitiesImpl;
import io.irisx.activities.esl.EslCommandBuilder;
import io.irisx.activities.esl.EslConnection;
import io.irisx.activities.esl.EslNodeSettings;
import io.irisx.activities.limits.CallSlotActivitiesImpl;
import io.irisx.activities.metrics.ActivityMeters;
import io.irisx.activities.nodes.NodeDirectoryActivitiesImpl;
import io.irisx.activities.nodes.NodeRegistry;
import io.irisx.db.Jdbis;
import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.ops.ProcessMetrics;
import io.irisx.temporal.ops.QuietRequestLog;
import io.irisx.temporal.ops.Readiness;
import io.irisx.temporal.ops.RedisHealthCheck;
import io.irisx.temporal.ops.TemporalHealthCheck;
import io.irisx.worker.bridge.EslEventBridge;
import io.irisx.worker.inbound.InboundCallRouter;
import io.irisx.worker.inbound.SwitchCommandLine;
import io.irisx.worker.ops.CallObservation;
import io.irisx.worker.ops.EslMeters;
import io.irisx.worker.ops.PollingCheck;
import io.irisx.worker.ops.WorkerDrain;
import io.irisx.workflows.admission.TenantQueueWorkflowImpl;
import io.irisx.workflows.call.CallWorkflow;
import io.irisx.workflows.call.CallWorkflowImpl;
import io.irisx.workflows.flow.CallFlows;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker beside one FreeSWITCH node: runs call workflows and shared activities, the node's own
 * call-control activities, and the bridge that turns the node's ESL events into workflow signals.
 */
public class IrisxWorkerApplication extends Application<IrisxWorkerConfiguration> {
  private static final Duration NODE_TTL = Duration.ofSeconds(15);

  public static void main(String[] args) throws Exception {
    new IrisxWorkerApplication().run(args);
  }

  @Override
  public String getName() {
    return "irisx-worker";
  }

  @Override
  public void initialize(Bootstrap<IrisxWorkerConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
  }

  @Override
  public void run(IrisxWorkerConfiguration config, Environment environment) {
    environment.lifecycle().addEventListener(new QuietRequestLog());
    Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), "postgresql");
    Jdbis.configure(jdbi);
    RedissonClient redis = redis(config.getRedis());
    environment.lifecycle().manage(onStop(redis::shutdown));
    environment
        .healthChecks()
        .register("redis", new RedisHealthCheck(redis, "this node cannot be picked for calls"));

    // Prometheus at /metrics and readiness at /ready on the admin port (see docs/operations.md).
    ProcessMetrics metrics = new ProcessMetrics(environment.metrics());
    environment.lifecycle().manage(onStop(metrics::close));
    environment.admin().addServlet("prometheus", metrics.servlet()).addMapping("/metrics");
    Readiness readiness = new Readiness();
    environment.admin().addServlet("readiness", readiness.servlet()).addMapping("/ready");

    TemporalConnection temporal =
        TemporalConnection.open(config.getTemporal(), metrics.temporalScope());
    environment.lifecycle().manage(onStop(temporal::close));
    temporal.ensureNamespace();
    environment.healthChecks().register("temporal", new TemporalHealthCheck(temporal.service()));

    NodeSettings node = config.getNode();
    EslNodeSettings eslSettings =
        new EslNodeSettings(
            node.id(),
            node.eslHost(),
            node.eslPort(),
            node.eslPassword(),
            node.dialTemplate(),
            Duration.ofSeconds(10));
    // Built first: a dial template or dial option that could inject stops the worker before it
    // connects.
    // Media URLs pass the webhook address policy here too: the switch fetches them itself.
    EslCommandBuilder commands =
        new EslCommandBuilder(
            eslSettings,
            node.dialOptions(),
            node.speech(),
            new io.irisx.workflows.webhook.WebhookUrlPolicy(config.getWebhooks()));
    SwitchCommandLine commandLine = new SwitchCommandLine(eslSettings.commandTimeout());
    InboundCallRouter inbound =
        new InboundCallRouter(
            node.id(), jdbi, temporal.client(), commands, commandLine, node.callerNumberRule());
    EslMeters eslMeters = new EslMeters(metrics.registry(), node.id());
    EslConnection esl =
        EslConnection.connect(
            eslSettings,
            node.linkPolicy(),
            new EslEventBridge(temporal.client(), inbound),
            eslMeters);
    eslMeters.bind(esl);
    commandLine.attach(esl);
    environment.lifecycle().manage(onStop(esl::close));
    environment.healthChecks().register("esl-" + node.id(), new EslLinkHealthCheck(esl));
    environment
        .healthChecks()
        .register(
            "esl-" + node.id() + "-modules",
            new io.irisx.worker.health.SwitchModulesHealthCheck(
                    node.id(),
                    esl,
                    new io.irisx.activities.esl.ModuleCheck(
                        node.speech(), java.time.Clock.systemUTC()))
                .watch());

    WorkerTuning tuning = config.getWorkerTuning();
    WorkerFactory workers =
        WorkerFactory.newInstance(
            temporal.client(),
            tuning
                .applyTo(WorkerFactoryOptions.newBuilder())
                .setWorkerInterceptors(new CallObservation(metrics.registry()))
                .build());
    Worker calls = workers.newWorker(TaskQueues.CALLS, tuning.workerOptions());
    CallFlows flows = CallFlows.shipped();
    calls.registerWorkflowImplementationFactory(
        CallWorkflow.class,
        () -> new CallWorkflowImpl(flows),
        ActivityCatalogue.workflowImplementationOptions());
    NodeRegistry registry = new NodeRegistry(redis, NODE_TTL);
    calls.registerActivitiesImplementations(
        new NodeDirectoryActivitiesImpl(registry), new CallRecordActivitiesImpl(jdbi));
    ActivityMeters activityMeters = new ActivityMeters(metrics.registry());
    // Tenant call limits: each tenant's queue of calls waiting for a slot, slots as Redis leases.
    calls.registerWorkflowImplementationTypes(
        ActivityCatalogue.workflowImplementationOptions(), TenantQueueWorkflowImpl.class);
    calls.registerActivitiesImplementations(new CallSlotActivitiesImpl(redis, temporal.client()));
    Worker webhooks = workers.newWorker(TaskQueues.WEBHOOKS, tuning.workerOptions());
    io.irisx.activities.webhook.WebhookWorkerRegistration.register(
        calls, webhooks, jdbi, temporal.client(), config.getWebhooks(), activityMeters);
    // SIGTERM: not ready, stop polling, let running activities finish (bounded), then the rest
    // stops in reverse order of start, the ESL link last but for the connections under it.
    WorkerDrain drain = new WorkerDrain(readiness, workers, config.getShutdown());
    environment.lifecycle().addEventListener(drain);
    Worker nodeWorker = workers.newWorker(TaskQueues.node(node.id()), tuning.workerOptions());
    nodeWorker.registerActivitiesImplementations(
        new CallControlActivitiesImpl(esl, commands),
        new io.irisx.activities.esl.DialActivitiesImpl(esl, commands));
    @Nullable RecordingSettings recordings = config.getRecordings();
    boolean retention =
        registerRecordings(
            recordings,
            node.id(),
            jdbi,
            esl,
            commands,
            calls,
            nodeWorker,
            environment,
            activityMeters);
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void start() {
                if (retention && recordings != null) {
                  ensureRetentionSchedule(temporal, recordings);
                }
                ensureWebhookSweepSchedule(temporal);
                workers.start();
              }

              @Override
              public void stop() {
                drain.stopWorkers(); // a no-op when the server's stopping event already did it
              }
            });
    readiness
        .require(
            "temporal-polling",
            new PollingCheck(
                workers,
                temporal.client(),
                List.of(
                    new PollingCheck.QueueRole(
                        TaskQueues.CALLS, TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
                    new PollingCheck.QueueRole(
                        TaskQueues.WEBHOOKS, TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
                    new PollingCheck.QueueRole(
                        TaskQueues.node(node.id()), TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY))))
        .require("esl-" + node.id(), esl::problem);
    environment
        .lifecycle()
        .manage(new NodePresence(registry, node.id(), esl::isConnected, NODE_TTL.toMillis() / 3));
  }

  /**
   * Recording: uuid_record and uploads on the node's queue, the recordings' rows and retention on
   * the shared one. Returns whether recordings are configured (no {@code recordings} section: none
   * of it runs here, and a warning says so).
   */
  private static boolean registerRecordings(
      @Nullable RecordingSettings settings,
      String nodeId,
      Jdbi jdbi,
      EslConnection esl,
      EslCommandBuilder commands,
      Worker calls,
      Worker nodeWorker,
      Environment environment,
      ActivityMeters meters) {
    if (settings == null) {
      org.slf4j.LoggerFactory.getLogger(IrisxWorkerApplication.class)
          .warn("no recordings section in the configuration: this worker cannot record calls");
      return false;
    }
    software.amazon.awssdk.services.s3.S3Client s3 = settings.s3().client();
    environment.lifecycle().manage(onStop(s3::close));
    io.irisx.activities.recording.RecordingStore store =
        new io.irisx.activities.recording.RecordingStore(s3, settings.s3());
    environment
        .healthChecks()
        .register("s3", new io.irisx.worker.health.S3HealthCheck(s3, store.bucket()));
    nodeWorker.registerActivitiesImplementations(
        new io.irisx.activities.recording.RecordingActivitiesImpl(
            esl,
            commands,
            settings.directoryFor(nodeId),
            store,
            java.time.Clock.systemUTC(),
            meters));
    calls.registerWorkflowImplementationTypes(
        ActivityCatalogue.workflowImplementationOptions(),
        io.irisx.workflows.recording.RecordingRetentionWorkflowImpl.class);
    calls.registerActivitiesImplementations(
        new io.irisx.activities.recording.RecordingRecordActivitiesImpl(jdbi),
        new io.irisx.activities.recording.RecordingRetentionActivitiesImpl(jdbi, store));
    return true;
  }

  /** A Temporal that is down now must not stop the worker: the next worker start tries again. */
  private static void ensureRetentionSchedule(
      TemporalConnection temporal, RecordingSettings settings) {
    try {
      RecordingRetentionSchedule.ensure(temporal.client(), settings.retentionSweep());
    } catch (RuntimeException e) {
      Logger log = LoggerFactory.getLogger(IrisxWorkerApplication.class);
      if (RecordingRetentionSchedule.unsupportedByServer(e)) {
        log.info(
            "this Temporal server has no schedules (the Java SDK's in-process test server): "
                + "recordings past their tenant's retention are not deleted while it runs");
      } else {
        log.warn("could not create the recording retention schedule: {}", e.toString());
      }
    }
  }

  /** As the retention schedule: a Temporal that is down now must not stop the worker. */
  private static void ensureWebhookSweepSchedule(TemporalConnection temporal) {
    try {
      io.irisx.activities.webhook.WebhookSweepSchedule.ensure(temporal.client());
    } catch (RuntimeException e) {
      Logger log = LoggerFactory.getLogger(IrisxWorkerApplication.class);
      if (RecordingRetentionSchedule.unsupportedByServer(e)) {
        log.info(
            "this Temporal server has no schedules: pending webhook deliveries whose workflow "
                + "was lost are not restarted while it runs");
      } else {
        log.warn("could not create the webhook sweep schedule: {}", e.toString());
      }
    }
  }

  private static RedissonClient redis(RedisSettings settings) {
    Config config = new Config();
    var server = config.useSingleServer().setAddress(settings.address());
    if (settings.password() != null && !settings.password().isBlank()) {
      server.setPassword(settings.password());
    }
    return Redisson.create(config);
  }

  private static Managed onStop(Runnable stop) {
    return new Managed() {
      @Override
      public void stop() {
        stop.run();
      }
    };
  }
}
