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
import io.irisx.activities.nodes.NodeDirectoryActivitiesImpl;
import io.irisx.activities.nodes.NodeRegistry;
import io.irisx.db.Jdbis;
import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.temporal.TemporalConnection;
import io.irisx.worker.bridge.EslEventBridge;
import io.irisx.worker.inbound.InboundCallRouter;
import io.irisx.worker.inbound.SwitchCommandLine;
import io.irisx.workflows.call.CallWorkflow;
import io.irisx.workflows.call.CallWorkflowImpl;
import io.irisx.workflows.flow.CallFlows;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

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
    Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), "postgresql");
    Jdbis.configure(jdbi);
    RedissonClient redis = redis(config.getRedis());
    environment.lifecycle().manage(onStop(redis::shutdown));

    TemporalConnection temporal = TemporalConnection.open(config.getTemporal());
    environment.lifecycle().manage(onStop(temporal::close));

    NodeSettings node = config.getNode();
    EslNodeSettings eslSettings =
        new EslNodeSettings(
            node.id(),
            node.eslHost(),
            node.eslPort(),
            node.eslPassword(),
            node.dialTemplate(),
            Duration.ofSeconds(10));
    // Built first: a dial template or dial option that could inject stops the worker before it connects.
    EslCommandBuilder commands = new EslCommandBuilder(eslSettings, node.dialOptions());
    SwitchCommandLine commandLine = new SwitchCommandLine(eslSettings.commandTimeout());
    InboundCallRouter inbound = new InboundCallRouter(node.id(), jdbi, temporal.client(), commands, commandLine);
    EslConnection esl =
        EslConnection.connect(eslSettings, node.linkPolicy(), new EslEventBridge(temporal.client(), inbound));
    commandLine.attach(esl);
    environment.lifecycle().manage(onStop(esl::close));
    environment.healthChecks().register("esl-" + node.id(), new EslLinkHealthCheck(esl));

    WorkerFactory workers = WorkerFactory.newInstance(temporal.client());
    Worker calls = workers.newWorker(TaskQueues.CALLS);
    CallFlows flows = CallFlows.shipped();
    calls.registerWorkflowImplementationFactory(
        CallWorkflow.class,
        () -> new CallWorkflowImpl(flows),
        ActivityCatalogue.workflowImplementationOptions());
    NodeRegistry registry = new NodeRegistry(redis, NODE_TTL);
    calls.registerActivitiesImplementations(
        new NodeDirectoryActivitiesImpl(registry), new CallRecordActivitiesImpl(jdbi));
    Worker nodeWorker = workers.newWorker(TaskQueues.node(node.id()));
    nodeWorker.registerActivitiesImplementations(
        new CallControlActivitiesImpl(esl, commands));
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void start() {
                workers.start();
              }

              @Override
              public void stop() {
                workers.shutdown();
                workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
              }
            });
    environment
        .lifecycle()
        .manage(new NodePresence(registry, node.id(), esl::isConnected, NODE_TTL.toMillis() / 3));
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
