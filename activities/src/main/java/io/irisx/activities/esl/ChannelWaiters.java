package io.irisx.activities.esl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The call-control steps waiting on the node's channels, and the hand-off of the switch's events to
 * them, in process. The event bridge offers every event here first; what a step takes is not
 * signalled to the call's workflow, since the step reports it when it completes.
 */
public final class ChannelWaiters {
  private final Map<String, List<StepWaiter>> byChannel = new ConcurrentHashMap<>();

  /** Starts taking the channel's events that {@code wants} accepts; close the waiter when done. */
  public StepWaiter watch(String channelUuid, Predicate<SwitchEvent> wants) {
    StepWaiter waiter = new StepWaiter(channelUuid, wants, this);
    byChannel.computeIfAbsent(channelUuid, uuid -> new CopyOnWriteArrayList<>()).add(waiter);
    return waiter;
  }

  /**
   * Hands the event to every step waiting on its channel that wants it; true when one took it.
   * Called on the channel's dispatch lane, so each waiter sees its channel's events in the switch's
   * order.
   */
  public boolean offer(SwitchEvent event) {
    String channel = EslConnection.orderingKey(event);
    List<StepWaiter> waiting = channel == null ? null : byChannel.get(channel);
    if (waiting == null) {
      return false;
    }
    boolean taken = false;
    for (StepWaiter waiter : waiting) {
      taken |= waiter.deliver(event);
    }
    return taken;
  }

  /**
   * The link to the switch came back: every waiting step gets a {@link StepWaiter#LINK_RESTORED}
   * timer, since an event that would have ended it may have been fired while the link was down.
   */
  public void linkRestored() {
    byChannel.values().forEach(waiting -> waiting.forEach(w -> w.fire(StepWaiter.LINK_RESTORED)));
  }

  /** How many steps wait now (for metrics and tests). */
  public int waiting() {
    return byChannel.values().stream().mapToInt(List::size).sum();
  }

  void remove(StepWaiter waiter) {
    byChannel.computeIfPresent(
        waiter.channelUuid(),
        (uuid, waiting) -> {
          waiting.remove(waiter);
          return waiting.isEmpty() ? null : waiting;
        });
  }
}
