package io.irisx.activities.esl;

import java.util.Map;
import java.util.Set;

/**
 * What a reconnect found: the channels IRISX believed alive when the link came back (uuid to {@code
 * irisx_call_id}, "" when none), those the switch still has, and those that vanished while the link
 * was down (each was given a synthetic CHANNEL_HANGUP_COMPLETE).
 */
public record LinkReconciliation(
    Map<String, String> believedAlive, Set<String> stillAlive, Set<String> vanished) {
  public LinkReconciliation {
    believedAlive = Map.copyOf(believedAlive);
    stillAlive = Set.copyOf(stillAlive);
    vanished = Set.copyOf(vanished);
  }
}
