package io.irisx.testkit;

import io.irisx.activities.esl.simulator.SimulatorTraffic;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps virtual time from jumping while the switch side is still busy. Temporal's test server skips
 * time whenever no workflow task, activity or timer callback is in hand; but an event the simulator
 * has written is, for a moment, only bytes on a socket. Whoever made switch work (a simulator
 * timer, an activity's command) waits here, with time held, until every event the simulator sent
 * has been consumed (signalled to its workflow) and no command is still running.
 */
final class Settling {
  private static final Logger log = LoggerFactory.getLogger(Settling.class);

  /** Far beyond any wait in a healthy run; past it the kit says so rather than hang the test. */
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final AtomicLong consumed = new AtomicLong();
  private volatile @Nullable SimulatorTraffic traffic;

  void watch(SimulatorTraffic traffic) {
    this.traffic = traffic;
  }

  /** One event the simulator sent has been handled in full (for a call event: signalled). */
  void consumedOne() {
    consumed.incrementAndGet();
  }

  boolean settled() {
    SimulatorTraffic watched = traffic;
    return watched == null
        || (watched.commandsInProgress() == 0 && consumed.get() >= watched.eventsSent());
  }

  /** Waits, in wall time, until the switch side is quiet. */
  void await() {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!settled()) {
      if (System.nanoTime() > deadline) {
        SimulatorTraffic watched =
            Objects.requireNonNull(traffic, "unsettled, so the traffic is watched");
        log.warn(
            "the simulator did not settle within {}: {} event(s) sent, {} consumed, {} command(s) running",
            PATIENCE,
            watched.eventsSent(),
            consumed.get(),
            watched.commandsInProgress());
        return;
      }
      LockSupport.parkNanos(50_000);
    }
  }
}
