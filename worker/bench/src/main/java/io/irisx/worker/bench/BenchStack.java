package io.irisx.worker.bench;

import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.FarEndScript;
import io.irisx.worker.dev.DevManifest;
import io.irisx.worker.dev.DevOptions;
import io.irisx.worker.dev.DevPorts;
import io.irisx.worker.dev.DevStack;
import io.irisx.worker.dev.TemporalMode;
import java.time.Duration;

/**
 * The dev stack on free ports with what a bench needs besides: the ivr far end scripted, the
 * baseline worker, and the probe the load generator reads the switch's originates and the JVM's
 * capacity from.
 */
public final class BenchStack implements AutoCloseable {
  private static final int WATCHDOG_SECONDS = 15;
  private static final int RING_TIMEOUT_SECONDS = 30;

  private final DevStack dev;
  private final BaselineWorker baseline;
  private final BenchProbe probe;
  private final BenchStackInfo info;

  private BenchStack(DevStack dev, BaselineWorker baseline, BenchProbe probe, BenchStackInfo info) {
    this.dev = dev;
    this.baseline = baseline;
    this.probe = probe;
    this.info = info;
  }

  public static BenchStack start(BenchStackOptions options) {
    DevOptions devOptions =
        new DevOptions(
            options.home(),
            options.backend() == BenchBackend.CLI ? TemporalMode.CLI : TemporalMode.IN_PROCESS,
            true,
            true,
            new DevPorts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            "node-1",
            WATCHDOG_SECONDS,
            RING_TIMEOUT_SECONDS,
            options.promptMillis(),
            null,
            options.backend() == BenchBackend.POSTGRES ? options.temporalTarget() : null,
            60);
    DevStack dev = DevStack.start(devOptions);
    // A bench measures the platform, not the tenant's default call limits: lift them.
    io.irisx.db.Jdbis.create(dev.dataSource())
        .useExtension(
            io.irisx.db.TenantDao.class,
            tenants ->
                tenants.setCallLimits(
                    java.util.UUID.fromString(dev.manifest().tenantId()),
                    new io.irisx.db.TenantCallLimits(10_000, 1_000_000, 3_600)));
    BaselineWorker baseline = null;
    try {
      scriptFarEnds(dev.simulator(), options.promptMillis());
      DevManifest manifest = dev.manifest();
      baseline = BaselineWorker.start(manifest.temporalAddress());
      BenchProbe probe = BenchProbe.start(dev.simulator());
      BenchStackInfo info =
          new BenchStackInfo(
              ProcessHandle.current().pid(),
              manifest.apiUrl(),
              manifest.apiKey(),
              manifest.tenantId(),
              manifest.databaseUrl(),
              manifest.temporalAddress(),
              manifest.temporalServer(),
              options.backend().flag(),
              probe.url(),
              manifest.workerAdminUrl(),
              options.promptMillis(),
              BaselineWorker.TASK_QUEUE,
              manifest.eslHost(),
              manifest.eslPort(),
              manifest.eslPassword());
      return new BenchStack(dev, baseline, probe, info);
    } catch (RuntimeException e) {
      if (baseline != null) {
        baseline.close();
      }
      dev.close();
      throw e;
    }
  }

  /**
   * The ivr callee presses 1 halfway through the menu, which starts one prompt after the answer:
   * the reminder flow then plays its thanks and hangs up, about three prompts after the answer.
   */
  private static void scriptFarEnds(EslSimulator simulator, int promptMillis) {
    simulator.script(
        FarEndNumbers.IVR,
        FarEndScript.answers().pressing("1", Duration.ofMillis(promptMillis + promptMillis / 2L)));
    simulator.script(FarEndNumbers.HOLD, FarEndScript.answers());
  }

  public BenchStackInfo info() {
    return info;
  }

  /** The simulated switch, for tests that act on it directly. */
  EslSimulator simulator() {
    return dev.simulator();
  }

  @Override
  public void close() {
    probe.close();
    baseline.close();
    dev.close();
  }
}
