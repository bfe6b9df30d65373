package io.irisx.workflows.call.verbs;

import java.util.ArrayList;
import java.util.List;

/**
 * The media played into the call from the API ({@code POST /v1/calls/{id}/play}) and not heard to
 * its end yet. The switch queues a broadcast behind the prompt playing, so a flow whose prompt
 * ended waits for these before its next step: otherwise a hang-up right after the prompt would cut
 * them before a word is heard.
 */
final class LivePlays {
  /** One live play: its media and how many playbacks of that media had ended before it. */
  private record Pending(String media, int finishedBefore) {}

  private final List<Pending> pending = new ArrayList<>();

  void started(String media, ChannelTracker channel) {
    pending.add(new Pending(media, channel.finishedPlaybacks(media)));
  }

  boolean any() {
    return !pending.isEmpty();
  }

  /** True once every live play has ended (or the call did); forgets those that ended. */
  boolean allHeard(ChannelTracker channel) {
    pending.removeIf(p -> channel.finishedPlaybacks(p.media()) > p.finishedBefore());
    return pending.isEmpty() || channel.ended();
  }
}
