package io.irisx.activities.esl;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channels IRISX believes alive on the node: seen created or answered, not yet seen ending.
 * After a reconnect these are checked against the switch, because a channel that ended while the
 * link was down will never send its CHANNEL_HANGUP_COMPLETE.
 */
final class ChannelLedger {
  private static final String UNKNOWN_CALL = "";

  /** Channel uuid to the {@code irisx_call_id} it carried, or "" when it carried none. */
  private final Map<String, String> alive = new ConcurrentHashMap<>();

  /** Channel uuid to the last time (epoch micros) it was known up: its last event, or a listing. */
  private final Map<String, Long> knownUp = new ConcurrentHashMap<>();

  void observe(SwitchEvent event) {
    String uuid = event.header("Unique-ID");
    if (uuid == null) {
      return;
    }
    long at = ChannelEventReader.parseLong(event.header("Event-Date-Timestamp"));
    if (at > 0 && alive.containsKey(uuid)) {
      knownUp.merge(uuid, at, Math::max);
    }
    switch (event.name()) {
      case "CHANNEL_CREATE", "CHANNEL_ANSWER" -> {
        String callId = event.header("variable_irisx_call_id");
        alive.merge(
            uuid,
            callId == null ? UNKNOWN_CALL : callId,
            (known, seen) -> seen.isEmpty() ? known : seen);
        if (at > 0) {
          knownUp.merge(uuid, at, Math::max);
        }
      }
      case "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY" -> {
        alive.remove(uuid);
        knownUp.remove(uuid);
      }
      default -> {
        // other events do not change whether the channel exists
      }
    }
  }

  /** A copy: channel uuid to call id ("" when unknown). */
  Map<String, String> snapshot() {
    return Map.copyOf(alive);
  }

  /**
   * Forgets a channel the switch no longer has. Empty when it was already forgotten (its real
   * hangup arrived meanwhile), otherwise the call id it carried ("" when none).
   */
  Optional<String> forget(String uuid) {
    return Optional.ofNullable(alive.remove(uuid));
  }

  /** The switch listed the channel: it was up at {@code micros}. */
  void seenUp(String uuid, long micros) {
    if (alive.containsKey(uuid)) {
      knownUp.merge(uuid, micros, Math::max);
    }
  }

  /** When the channel was last known up (epoch micros), 0 when never; forgets it. */
  long lastKnownUp(String uuid) {
    Long at = knownUp.remove(uuid);
    return at == null ? 0 : at;
  }
}
