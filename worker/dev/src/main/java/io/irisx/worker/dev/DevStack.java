package io.irisx.worker.dev;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.DropwizardTestSupport;
import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import io.irisx.api.IrisxApiApplication;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.TenantProvisioner;
import io.irisx.db.Jdbis;
import io.irisx.db.Migrations;
import io.irisx.worker.IrisxWorkerApplication;
import io.irisx.worker.IrisxWorkerConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine with embedded defaults: PostgreSQL, Redis, S3Proxy, Temporal,
 * the ESL simulator as FreeSWITCH (or a real FreeSWITCH, see {@link ExternalSwitch}), and the API
 * and worker applications. Closing it stops everything in the reverse order of starting.
 */
public final class DevStack implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DevStack.class);
  static final String ESL_PASSWORD = "ClueCon";
  static final String SIMULATOR_DIAL_TEMPLATE = "sofia/gateway/irisx/{to}";
  private static final int OPERATOR_KEY_MIN_LENGTH = 32;
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final DevOptions options;
  private Path home;
  private DevManifest manifest;
  private LocalPostgres postgres;
  private LocalRedis redis;
  private LocalTemporal temporal;
  private EslSimulator simulator;
  private boolean durablePostgres;
  private Path workerConfig;

  private DevStack(DevOptions options) {
    this.options = options;
  }

  public static DevStack start(DevOptions options) {
    return start(options, false);
  }

  /**
   * A stack whose PostgreSQL honours fsync and whose PostgreSQL, Redis and Temporal (the CLI dev
   * server) can be killed and restarted: for the fault suite.
   */
  public static DevStack startForFaults(DevOptions options) {
    if (options.temporalMode() != TemporalMode.CLI || options.externalTemporalTarget() != null) {
      throw new IllegalArgumentException("the fault suite needs the temporal CLI dev server");
    }
    return start(options, true);
  }

  private static DevStack start(DevOptions options, boolean durablePostgres) {
    DevStack stack = new DevStack(options);
    stack.durablePostgres = durablePostgres;
    try {
      stack.startAll();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startAll() {
    Path home = options.home().toAbsolutePath().normalize();
    this.home = home;
    // Claimed first and released last: a second stack on this home or these ports is refused,
    // naming this one, and dev.json is this stack's alone.
    track(StackClaim.take(home, options.ports(), StackClaim.defaultRegistry()));
    Optional<DevKeys> previous = options.fresh() ? Optional.empty() : readPreviousKeys(home);
    deleteManifest();
    LeftoverProcesses.stopAll(home);
    if (options.fresh()) {
      wipe(home);
    }
    createDirectories(home.resolve("logs"));

    postgresPort = LocalPorts.resolve(options.ports().postgres());
    postgres = LocalPostgres.start(postgresPort, home.resolve("postgres"), durablePostgres);
    // The one running now: a fault run may have replaced it.
    started.push(() -> postgres.close());
    Migrations.apply(postgres.dataSource());
    redisPort = LocalPorts.resolve(options.ports().redis());
    redis = startRedis();
    started.push(() -> redis.close());
    LocalS3 s3 = track(LocalS3.start(LocalPorts.resolve(options.ports().s3()), home.resolve("s3")));
    temporalPort = LocalPorts.resolve(options.ports().temporal());
    temporalUiPort = LocalPorts.resolve(options.ports().temporalUi());
    if (options.externalTemporalTarget() != null) {
      temporal = LocalTemporal.external(options.externalTemporalTarget());
    } else {
      temporal = startTemporal();
      started.push(() -> temporal.close());
    }
    String eslHost;
    int eslPort;
    String eslPassword;
    String dialTemplate;
    ExternalSwitch external = options.externalSwitch();
    if (external == null) {
      simulator =
          track(
              EslSimulator.start(
                  SimulatorOptions.defaults()
                      .withPort(LocalPorts.resolve(options.ports().esl()))
                      .withPassword(ESL_PASSWORD)
                      .withControlPort(LocalPorts.resolve(options.ports().simulatorControl()))
                      .withDefaultPlayback(java.time.Duration.ofMillis(options.promptMillis()))));
      eslHost = simulator.host();
      eslPort = simulator.port();
      eslPassword = ESL_PASSWORD;
      dialTemplate = SIMULATOR_DIAL_TEMPLATE;
    } else {
      log.info(
          "dev stack uses the FreeSWITCH at {}:{} (no ESL simulator)",
          external.host(),
          external.port());
      eslHost = external.host();
      eslPort = external.port();
      eslPassword = external.password();
      dialTemplate = external.dialTemplate();
    }

    DevConfigFiles.Endpoints endpoints =
        new DevConfigFiles.Endpoints(
            postgres.jdbcUrl(),
            temporal.target(),
            redis.address(),
            eslHost,
            eslPort,
            eslPassword,
            dialTemplate);
    int apiPort = LocalPorts.resolve(options.ports().api());
    int apiAdminPort = LocalPorts.resolve(options.ports().apiAdmin());
    int workerPort = LocalPorts.resolve(options.ports().worker());
    String operatorKey = operatorKey(previous);
    Path apiConfig =
        DevConfigFiles.writeApiConfig(home, endpoints, apiPort, apiAdminPort, options, operatorKey);
    workerConfig = DevConfigFiles.writeWorkerConfig(home, endpoints, workerPort, options.nodeId());
    DevConfigFiles.append(apiConfig, DevConfigFiles.recordingsSection(home, s3.endpoint(), false));
    DevConfigFiles.append(apiConfig, DevConfigFiles.consoleSection(temporal.uiUrl().orElse("")));
    DevConfigFiles.append(
        workerConfig, DevConfigFiles.recordingsSection(home, s3.endpoint(), true));

    DropwizardTestSupport<IrisxApiConfiguration> api =
        new DropwizardTestSupport<>(IrisxApiApplication.class, apiConfig.toString());
    startApplication(api);
    if (options.runWorker()) {
      startApplication(
          new DropwizardTestSupport<IrisxWorkerConfiguration>(
              IrisxWorkerApplication.class, workerConfig.toString()));
    }

    DevCredentials credentials = devCredentials(previous);
    DevConsoleLogin login =
        DevConsoleLogin.ensure(
            Jdbis.create(postgres.dataSource()),
            java.util.UUID.fromString(credentials.tenantId()),
            previous.map(DevKeys::consolePassword));
    String apiUrl = "http://" + LocalPorts.HOST + ":" + apiPort;
    manifest =
        new DevManifest(
            ProcessHandle.current().pid(),
            apiUrl,
            "http://" + LocalPorts.HOST + ":" + apiAdminPort,
            options.runWorker() ? "http://" + LocalPorts.HOST + ":" + workerPort + "/admin" : null,
            credentials.apiKey(),
            credentials.tenantId(),
            operatorKey,
            temporal.target(),
            temporal.uiUrl().orElse(null),
            temporal.description(),
            eslHost,
            eslPort,
            external == null ? eslPassword : null, // a real switch's password stays out of dev.json
            external == null ? simulator.controlUrl() : null,
            postgres.jdbcUrl(),
            redis.address(),
            s3.endpoint(),
            LocalS3.BUCKET,
            workerConfig.toString(),
            DevConfigFiles.logFile(home).toString(),
            apiUrl + "/console/",
            login.email(),
            login.password());
    writeKeys(home, manifest);
    writeManifest(home, manifest);
    // From here until close() starts, dev.json describes this running stack.
    started.push(this::deleteManifest);
  }

  private int postgresPort;
  private int redisPort;
  private int temporalPort;
  private int temporalUiPort;

  private LocalRedis startRedis() {
    return LocalRedis.start(
        redisPort, home.resolve("redis"), home.resolve(LeftoverProcesses.REDIS_PID_FILE));
  }

  private LocalTemporal startTemporal() {
    return LocalTemporal.start(
        options.temporalMode(),
        temporalPort,
        temporalUiPort,
        home,
        TemporalCli.defaultToolsDirectory());
  }

  /** What the fault suite can kill hard and start again on the same port and data. */
  public enum Part {
    POSTGRES,
    REDIS,
    TEMPORAL
  }

  /** SIGKILL to the part's processes (a stack started {@link #startForFaults} only). */
  public synchronized void kill(Part part) {
    if (!durablePostgres) {
      throw new IllegalStateException("only a stack started for faults is killed by parts");
    }
    switch (part) {
      case POSTGRES -> postgres.killHard();
      case REDIS -> redis.killHard();
      case TEMPORAL -> temporal.killHard();
    }
  }

  /** Starts the killed part again, on its port, with its data. */
  public synchronized void restart(Part part) {
    // The killed one lets go of its locks and pid files first (stopping it finds nothing to stop).
    AutoCloseable killed =
        switch (part) {
          case POSTGRES -> postgres;
          case REDIS -> redis;
          case TEMPORAL -> temporal;
        };
    try {
      killed.close();
    } catch (Exception nothingToStop) {
      log.debug("closing the killed {}: {}", part, nothingToStop.toString());
    }
    switch (part) {
      case POSTGRES ->
          postgres = LocalPostgres.start(postgresPort, home.resolve("postgres"), durablePostgres);
      case REDIS -> redis = startRedis();
      case TEMPORAL -> temporal = startTemporal();
    }
  }

  private record DevCredentials(String tenantId, String apiKey) {}

  /** The previous run's operator key, so scripts keep working; otherwise a new random one. */
  private static String operatorKey(Optional<DevKeys> previous) {
    return previous
        .map(DevKeys::operatorKey)
        .filter(key -> key != null && key.length() >= OPERATOR_KEY_MIN_LENGTH)
        .orElseGet(DevStack::newOperatorKey);
  }

  private static String newOperatorKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return "irx_op_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Keeps the key of the previous run while its data is still there; otherwise makes a new one. */
  private DevCredentials devCredentials(Optional<DevKeys> previous) {
    TenantProvisioner provisioner = new TenantProvisioner(Jdbis.create(postgres.dataSource()));
    if (previous.isPresent() && provisioner.isActiveKey(previous.get().apiKey())) {
      return new DevCredentials(previous.get().tenantId(), previous.get().apiKey());
    }
    var tenant = provisioner.provision("dev");
    return new DevCredentials(tenant.tenantId().toString(), tenant.apiKey());
  }

  private void startApplication(DropwizardTestSupport<?> application) {
    try {
      application.before();
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not start " + application.getApplication().getName(), e);
    }
    started.push(application::after);
  }

  private <T extends AutoCloseable> T track(T resource) {
    started.push(resource);
    return resource;
  }

  public DevManifest manifest() {
    return manifest;
  }

  /** The simulated switch, or null when the stack uses a real FreeSWITCH. */
  public EslSimulator simulator() {
    return simulator;
  }

  /** The worker's YAML file, to run a worker in another process against this stack. */
  public Path workerConfig() {
    return workerConfig;
  }

  public javax.sql.DataSource dataSource() {
    return postgres.dataSource();
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        log.warn("error while stopping the dev stack", e);
      }
    }
  }

  static Path manifestFile(Path home) {
    return home.resolve("dev.json");
  }

  /**
   * The keys of the previous run in this home: {@code keys.json}, which outlives the run, else the
   * dev.json an older version left.
   */
  private static Optional<DevKeys> readPreviousKeys(Path home) {
    for (Path file : List.of(keysFile(home), manifestFile(home))) {
      if (Files.exists(file)) {
        try {
          return Optional.of(JSON.readValue(file.toFile(), DevKeys.class));
        } catch (IOException e) {
          log.warn("ignoring an unreadable {}", file, e);
        }
      }
    }
    return Optional.empty();
  }

  /** The dev tenant's key and the operator key, kept for the next run of this home. */
  private static void writeKeys(Path home, DevManifest manifest) {
    writeAtomically(
        keysFile(home),
        new DevKeys(
            manifest.apiKey(),
            manifest.tenantId(),
            manifest.operatorKey(),
            manifest.consolePassword()));
  }

  /** What a run keeps for the next one in the same home (dev.json goes when the stack stops). */
  private record DevKeys(
      String apiKey, String tenantId, String operatorKey, String consolePassword) {}

  private static void writeManifest(Path home, DevManifest manifest) {
    writeAtomically(manifestFile(home), manifest);
  }

  /** Readers never see half a file: written beside, then moved into place. */
  private static void writeAtomically(Path file, Object value) {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), value);
      Files.move(
          partial,
          file,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deleteManifest() {
    try {
      Files.deleteIfExists(manifestFile(home));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path keysFile(Path home) {
    return home.resolve("keys.json");
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code --fresh}: deletes everything in the home but the claim this stack holds there and the
   * tools folder when it is inside (a fresh stack need not download the temporal CLI again).
   */
  private static void wipe(Path home) {
    Path tools = TemporalCli.defaultToolsDirectory().toAbsolutePath().normalize();
    Path claim = home.resolve(StackClaim.HOME_LOCK);
    try (Stream<Path> paths = Files.walk(home)) {
      paths
          .sorted(Comparator.reverseOrder())
          .filter(path -> !path.equals(home) && !path.equals(claim))
          .filter(path -> !path.startsWith(tools) && !tools.startsWith(path))
          .forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
