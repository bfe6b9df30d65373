package io.irisx.activities.esl.simulator;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The most recent originates received, oldest first, bounded so a long-running simulator does not
 * grow without end. Shared by every core, so the log survives a simulated restart.
 */
final class OriginateLog {
  static final int CAPACITY = 200_000;

  private final ArrayDeque<ReceivedOriginate> entries = new ArrayDeque<>();
  private final int capacity;

  OriginateLog() {
    this(CAPACITY);
  }

  OriginateLog(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(ReceivedOriginate originate) {
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(originate);
  }

  /** The originates received at or after {@code sinceMicros}, oldest first. */
  synchronized List<ReceivedOriginate> since(long sinceMicros) {
    return entries.stream().filter(o -> o.receivedAtMicros() >= sinceMicros).toList();
  }
}
