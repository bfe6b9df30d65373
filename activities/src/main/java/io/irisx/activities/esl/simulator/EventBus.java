package io.irisx.activities.esl.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stamps core headers and a global Event-Sequence on each event and hands it to every listener.
 * Publishing is serialised so sequence numbers rise in the order listeners see events; listeners
 * only enqueue, so holding the lock is brief and never waits on a socket.
 */
final class EventBus {
  /** A connection that may want events. Must not block. */
  interface Listener {
    void offer(SimulatedEvent event);
  }

  private final SwitchIdentity identity;
  private final SimulatorClock clock;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private long sequence;

  EventBus(SwitchIdentity identity, SimulatorClock clock) {
    this.identity = identity;
    this.clock = clock;
  }

  void register(Listener listener) {
    listeners.add(listener);
  }

  void unregister(Listener listener) {
    listeners.remove(listener);
  }

  synchronized SimulatedEvent publish(EventDraft draft) {
    SimulatedEvent event = stamp(draft);
    for (Listener listener : listeners) {
      listener.offer(event);
    }
    return event;
  }

  /**
   * An event that is not sent (uuid_dump's CHANNEL_DATA) still takes the next Event-Sequence, as
   * capture 16 shows.
   */
  synchronized SimulatedEvent stamp(EventDraft draft) {
    long micros = clock.nowMicros();
    List<EventHeader> headers = new ArrayList<>(draft.headers().size() + 14);
    headers.add(new EventHeader("Event-Name", draft.name()));
    headers.add(new EventHeader("Core-UUID", identity.coreUuid()));
    headers.add(new EventHeader("FreeSWITCH-Hostname", identity.hostname()));
    headers.add(new EventHeader("FreeSWITCH-Switchname", identity.hostname()));
    headers.add(new EventHeader("FreeSWITCH-IPv4", identity.ipv4()));
    headers.add(new EventHeader("FreeSWITCH-IPv6", identity.ipv6()));
    headers.add(new EventHeader("Event-Date-Local", EventClock.local(micros)));
    headers.add(new EventHeader("Event-Date-GMT", EventClock.gmt(micros)));
    headers.add(new EventHeader("Event-Date-Timestamp", Long.toString(micros)));
    headers.add(new EventHeader("Event-Calling-File", draft.site().file()));
    headers.add(new EventHeader("Event-Calling-Function", draft.site().function()));
    headers.add(
        new EventHeader("Event-Calling-Line-Number", Integer.toString(draft.site().line())));
    headers.add(new EventHeader("Event-Sequence", Long.toString(++sequence)));
    headers.addAll(draft.headers());
    return new SimulatedEvent(draft.name(), headers, draft.body());
  }
}
