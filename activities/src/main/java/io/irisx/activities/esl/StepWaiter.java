package io.irisx.activities.esl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One step's view of its channel: the events it asked for, and the timers it set, in one queue the
 * step's thread reads. Closing it hands back what arrived but was not read yet, so an event taken
 * from the bridge is never lost between the step's end and its close.
 */
public final class StepWaiter {
  /** The name of the pseudo-event a timer puts in the queue; its header {@code Timer} names it. */
  public static final String TIMER = "IRISX_TIMER";

  /**
   * The timer a reconnect fires in every waiting step: events of the step may have been lost while
   * the link was down, so a step whose end has no timer of its own asks the switch what is true.
   */
  public static final String LINK_RESTORED = "link-restored";

  private final String channelUuid;
  private final Predicate<SwitchEvent> wants;
  private final ChannelWaiters owner;
  private final LinkedBlockingQueue<SwitchEvent> queue = new LinkedBlockingQueue<>();
  private boolean closed;

  StepWaiter(String channelUuid, Predicate<SwitchEvent> wants, ChannelWaiters owner) {
    this.channelUuid = channelUuid;
    this.wants = wants;
    this.owner = owner;
  }

  String channelUuid() {
    return channelUuid;
  }

  synchronized boolean deliver(SwitchEvent event) {
    if (closed || !wants.test(event)) {
      return false;
    }
    queue.add(event);
    return true;
  }

  /** Puts a timer's firing in the queue (from a timer thread). */
  public void fire(String timer) {
    queue.add(new SwitchEvent(TIMER, Map.of("Timer", timer), null));
  }

  /** The next event or timer; null when nothing came within {@code limit} (a safety net). */
  public SwitchEvent next(Duration limit) {
    try {
      return queue.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Stops taking events; returns the channel events that arrived and were not read. */
  public List<SwitchEvent> close() {
    synchronized (this) {
      closed = true;
    }
    owner.remove(this);
    List<SwitchEvent> unread = new ArrayList<>();
    queue.drainTo(unread);
    unread.removeIf(event -> TIMER.equals(event.name()));
    return unread;
  }
}
