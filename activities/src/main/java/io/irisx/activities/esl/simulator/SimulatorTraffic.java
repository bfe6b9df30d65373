package io.irisx.activities.esl.simulator;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulator has in hand for its clients: events it queued on client sockets (after each
 * client's subscription and filters), and commands it is still carrying out (a bgapi's job runs on
 * after its reply). A harness that controls time compares these with what its client has consumed,
 * so it never lets time jump while an event or a command is still on its way.
 */
public final class SimulatorTraffic {
  private final AtomicLong eventsSent = new AtomicLong();
  private final AtomicInteger commandsInProgress = new AtomicInteger();

  /** Events queued for client sockets since the simulator started. */
  public long eventsSent() {
    return eventsSent.get();
  }

  /** Commands received and not yet fully carried out. */
  public int commandsInProgress() {
    return commandsInProgress.get();
  }

  void eventQueued() {
    eventsSent.incrementAndGet();
  }

  void commandStarted() {
    commandsInProgress.incrementAndGet();
  }

  void commandFinished() {
    commandsInProgress.decrementAndGet();
  }
}
