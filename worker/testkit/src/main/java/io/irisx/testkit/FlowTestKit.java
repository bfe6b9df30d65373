package io.irisx.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irisx.activities.cdr.CallRecordActivitiesImpl;
import io.irisx.activities.esl.CallControlActivitiesImpl;
import io.irisx.activities.esl.CallStepActivitiesImpl;
import io.irisx.activities.esl.ChannelWaiters;
import io.irisx.activities.esl.DialActivitiesImpl;
import io.irisx.activities.esl.EslCommandBuilder;
import io.irisx.activities.esl.EslConnection;
import io.irisx.activities.esl.EslLinkPolicy;
import io.irisx.activities.esl.EslNodeSettings;
import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import io.irisx.activities.nodes.NodeDirectoryActivitiesImpl;
import io.irisx.activities.nodes.NodeRegistry;
import io.irisx.activities.recording.RecordingActivitiesImpl;
import io.irisx.activities.recording.RecordingRecordActivitiesImpl;
import io.irisx.activities.webhook.WebhookWorkerRegistration;
import io.irisx.db.CallDao;
import io.irisx.db.CallLogDao;
import io.irisx.db.CallRow;
import io.irisx.db.RecordingDao;
import io.irisx.db.TenantDao;
import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.SearchAttributeCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.worker.bridge.EslEventBridge;
import io.irisx.worker.inbound.InboundCallRouter;
import io.irisx.worker.inbound.SwitchCommandLine;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallResult;
import io.irisx.workflows.call.CallWorkflow;
import io.irisx.workflows.call.CallWorkflowImpl;
import io.irisx.workflows.flow.CallFlow;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.webhook.WebhookSettings;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Runs call flows the way production does, in milliseconds: the real {@link CallWorkflowImpl} with
 * your flows registered, the real activities (call control over the real ESL client to the ESL
 * simulator over TCP, CDR and timeline into PostgreSQL, node choice in Redis, webhook publishing),
 * the worker's real event bridge, all on Temporal's time-skipping test server. The simulator's far
 * ends, prompts and the scripted {@link Caller} run on the same virtual clock, so a two-minute
 * conversation takes a fraction of a second.
 *
 * <pre>{@code
 * try (FlowTestKit kit = FlowTestKit.builder().flow("menu", MenuFlow::new).start()) {
 *   CallOutcome call = kit.call("menu", Map.of(), Caller.answering().pressingDuring("ivr/menu.wav", "1", Duration.ofSeconds(2)));
 *   assertThat(call.heard().media()).containsExactly("ivr/menu.wav", "ivr/thanks.wav");
 * }
 * }</pre>
 *
 * <p>One call at a time per kit; kits in one JVM should run one after another (they share one
 * PostgreSQL and one Redis, each kit in its own tenant and Redis database).
 */
public final class FlowTestKit implements AutoCloseable {
  public static final String FROM = "+15550100";
  private static final AtomicInteger KITS = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Wall-time bound on one test call: far above any healthy run, so a stuck flow fails, not hangs.
   */
  private static final long CALL_PATIENCE_SECONDS = 20;

  private final TestWorkflowEnvironment env;
  private final EslSimulator simulator;
  private final EslConnection esl;
  private final RedissonClient redis;
  private final NodeRegistry nodes;
  private final String nodeId;
  private final KitListener listener;
  private final Settling settling;
  private final VirtualTime time;
  private final Jdbi jdbi;
  private final UUID tenantId = UUID.randomUUID();
  private final AtomicInteger numbers = new AtomicInteger();

  private FlowTestKit(Builder builder) {
    int kit = KITS.incrementAndGet();
    KitInfrastructure infrastructure = KitInfrastructure.shared();
    jdbi = infrastructure.jdbi();
    jdbi.useExtension(TenantDao.class, tenants -> tenants.insert(tenantId, "flow-test-kit-" + kit));
    settling = new Settling();
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new SettleAfterActivities(settling))
                        .build())
                .build());
    SearchAttributeCatalogue.registrations().forEach(env::registerSearchAttribute);
    time = new VirtualTime(env, settling);
    simulator =
        EslSimulator.start(
            SimulatorOptions.defaults().withPort(0).withDefaultPlayback(builder.promptLength),
            time::newClock);
    settling.watch(simulator.traffic());

    nodeId = "kit-" + kit;
    EslNodeSettings settings =
        new EslNodeSettings(
            nodeId,
            simulator.host(),
            simulator.port(),
            "ClueCon",
            "sofia/gateway/kit/{to}",
            Duration.ofSeconds(5));
    EslCommandBuilder commands = new EslCommandBuilder(settings);
    WorkflowClient client = env.getWorkflowClient();
    SwitchCommandLine commandLine = new SwitchCommandLine(settings.commandTimeout());
    InboundCallRouter inbound = new InboundCallRouter(nodeId, jdbi, client, commands, commandLine);
    ChannelWaiters waiters = new ChannelWaiters();
    listener =
        new KitListener(
            new EslEventBridge(client, inbound, waiters), settling, simulator, time.newClock());
    esl = EslConnection.connect(settings, EslLinkPolicy.defaults(), listener, listener);
    commandLine.attach(esl);

    Config config = new Config();
    config.useSingleServer().setAddress(infrastructure.redisAddress()).setDatabase(kit % 16);
    redis = Redisson.create(config);
    nodes = new NodeRegistry(redis, Duration.ofHours(1));
    nodes.announce(nodeId);

    Worker calls = env.newWorker(TaskQueues.CALLS);
    CallFlows flows = builder.flows;
    calls.registerWorkflowImplementationFactory(
        CallWorkflow.class,
        () -> new CallWorkflowImpl(flows),
        ActivityCatalogue.workflowImplementationOptionsOnVirtualTime());
    calls.registerActivitiesImplementations(
        new NodeDirectoryActivitiesImpl(nodes),
        new CallRecordActivitiesImpl(jdbi),
        new RecordingRecordActivitiesImpl(jdbi));
    WebhookWorkerRegistration.register(
        calls, env.newWorker(TaskQueues.WEBHOOKS), jdbi, client, WebhookSettings.localReceivers());
    // As on a worker beside FreeSWITCH: call control, dial/bridge and recording (uuid_record into
    // the node's directory, the simulator writes the WAV there, the upload goes to S3Proxy).
    env.newWorker(TaskQueues.node(nodeId))
        .registerActivitiesImplementations(
            new CallControlActivitiesImpl(esl, commands),
            // A step's timeouts run on virtual time, as the simulated switch's prompts do.
            new CallStepActivitiesImpl(esl, commands, waiters, time.stepTimers()),
            new DialActivitiesImpl(esl, commands),
            new RecordingActivitiesImpl(
                esl,
                commands,
                infrastructure.recordingsDirectory(nodeId),
                infrastructure.recordings(),
                time.clock()));
    env.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Calls a new number with {@code flow}, its far end played by {@code caller}; returns once the
   * call has ended.
   */
  public CallOutcome call(String flow, Map<String, Object> params, Caller caller) {
    String callId = UUID.randomUUID().toString();
    String to = "+1555020" + String.format("%04d", numbers.incrementAndGet());
    simulator.script(to, caller.farEnd());
    HeardCall heard = listener.watch(callId, caller);
    long virtualStart = time.nowMillis();
    jdbi.useExtension(
        CallDao.class,
        calls ->
            calls.insertQueued(
                UUID.fromString(callId),
                tenantId,
                FROM,
                to,
                flow,
                Instant.ofEpochMilli(virtualStart)));
    CallRequest request =
        new CallRequest(callId, tenantId.toString(), FROM, to, flow, params, 0, 0);
    CallWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                CallWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(CallRequest.workflowId(callId))
                    .setTaskQueue(TaskQueues.CALLS)
                    .build());
    long wallStart = System.nanoTime();
    WorkflowClient.start(workflow::run, request);
    CallResult result;
    try {
      result =
          WorkflowStub.fromTyped(workflow)
              .getResult(CALL_PATIENCE_SECONDS, TimeUnit.SECONDS, CallResult.class);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the call did not end within " + CALL_PATIENCE_SECONDS + " s of wall time", e);
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
    settling.await();
    CallRow cdr =
        jdbi.withExtension(CallDao.class, calls -> calls.find(tenantId, UUID.fromString(callId)))
            .orElseThrow(() -> new IllegalStateException("no CDR row for call " + callId));
    // Up to the CDR's end: once the result is in, time may skip on past timers no call needs.
    Instant ended = cdr.endedAt() != null ? cdr.endedAt() : Instant.ofEpochMilli(time.nowMillis());
    Duration virtual = Duration.between(Instant.ofEpochMilli(virtualStart), ended);
    var timeline =
        jdbi.withExtension(CallLogDao.class, logs -> logs.list(tenantId, UUID.fromString(callId)));
    var recordings =
        jdbi.withExtension(
            RecordingDao.class, rows -> rows.listForCall(tenantId, UUID.fromString(callId)));
    return new CallOutcome(result, cdr, metadata(cdr), timeline, heard, virtual, wall, recordings);
  }

  /**
   * Scripts a second party: the far end reached when a flow dials {@code number} ({@code
   * Call.dial}). It answers, refuses, presses and hangs up as {@code party} says, counted from its
   * own answer; prompt cues are for the call's own far end only, so a party has none.
   */
  public FlowTestKit party(String number, Caller party) {
    if (!party.cues().isEmpty()) {
      throw new IllegalArgumentException("a dialled party has no prompt cues: " + party.cues());
    }
    simulator.script(number, party.farEnd());
    return this;
  }

  public CallOutcome call(String flow, Caller caller) {
    return call(flow, Map.of(), caller);
  }

  /** The simulator, for what the caller API does not cover (e.g. its received commands). */
  public EslSimulator simulator() {
    return simulator;
  }

  /** The test environment, e.g. to read a call's history for a replay test. */
  public TestWorkflowEnvironment environment() {
    return env;
  }

  @Override
  public void close() {
    nodes.withdraw(nodeId);
    env.close();
    esl.close();
    simulator.close();
    redis.shutdown();
  }

  private static Map<String, Object> metadata(CallRow cdr) {
    if (cdr.metadataJson() == null || cdr.metadataJson().isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(cdr.metadataJson(), new TypeReference<Map<String, Object>>() {});
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable CDR metadata: " + cdr.metadataJson(), e);
    }
  }

  /** Which flows to run and how long every prompt plays. */
  public static final class Builder {
    private CallFlows flows = CallFlows.shipped();
    private Duration promptLength = Duration.ofSeconds(3);

    private Builder() {}

    /** Registers a flow under a name, as a {@code CallFlowProvider} would. */
    public Builder flow(String name, Supplier<CallFlow> flow) {
      flows = flows.with(name, flow);
      return this;
    }

    /** How long the simulated switch takes to play any prompt to its end (default 3 s). */
    public Builder promptLength(Duration length) {
      promptLength = length;
      return this;
    }

    public FlowTestKit start() {
      return new FlowTestKit(this);
    }
  }
}
