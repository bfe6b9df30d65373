package io.irisx.testkit;

import io.irisx.activities.esl.EslObserver;
import io.irisx.activities.esl.SwitchEvent;
import io.irisx.activities.esl.SwitchEventListener;
import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits between the ESL connection and the worker's real event bridge: notes what the caller heard,
 * plays the caller's prompt cues, hands the event on, and only then counts it as consumed, so
 * virtual time cannot move before the event's signal is with its workflow.
 */
final class KitListener implements SwitchEventListener, EslObserver {
  private static final Logger log = LoggerFactory.getLogger(KitListener.class);

  private final SwitchEventListener bridge;
  private final Settling settling;
  private final EslSimulator simulator;
  private final SimulatorClock clock;
  private volatile @Nullable Watched current;

  /** The call under test, its transcript and the cues still to come. */
  private static final class Watched {
    final String callId;
    final HeardCall heard;
    final List<Caller.Cue> cues;
    final Map<String, Integer> starts = new HashMap<>();
    final Map<String, Integer> ends = new HashMap<>();

    /** Learnt from the first event naming the call: DTMF events carry no channel variables. */
    volatile @Nullable String channelUuid;

    Watched(String callId, HeardCall heard, List<Caller.Cue> cues) {
      this.callId = callId;
      this.heard = heard;
      this.cues = cues;
    }

    /**
     * The caller's own channel only: a leg the flow dials carries the same irisx_call_id, but what
     * the second party hears is not what the caller heard. The caller's channel names the call
     * first.
     */
    boolean owns(SwitchEvent event) {
      String uuid = event.header("Unique-ID");
      if (channelUuid == null && callId.equals(event.header("variable_irisx_call_id"))) {
        channelUuid = uuid;
      }
      return uuid != null && uuid.equals(channelUuid);
    }
  }

  KitListener(
      SwitchEventListener bridge, Settling settling, EslSimulator simulator, SimulatorClock clock) {
    this.bridge = bridge;
    this.settling = settling;
    this.simulator = simulator;
    this.clock = clock;
  }

  HeardCall watch(String callId, Caller caller) {
    HeardCall heard = new HeardCall();
    current = new Watched(callId, heard, caller.cues());
    return heard;
  }

  @Override
  public void onEvent(SwitchEvent event) {
    try {
      Watched watched = current;
      if (watched != null && watched.owns(event)) {
        watched.heard.observe(event);
        cue(watched, event);
      }
      bridge.onEvent(event);
    } finally {
      settling.consumedOne();
    }
  }

  @Override
  public void eventReceived(String eventName) {
    // Heartbeats stop at the connection; they are consumed on arrival.
    if ("HEARTBEAT".equals(eventName)) {
      settling.consumedOne();
    }
  }

  /** Schedules, on virtual time, what the caller does when this prompt starts or ends. */
  private void cue(Watched watched, SwitchEvent event) {
    boolean start = "PLAYBACK_START".equals(event.name());
    if (!start && !"PLAYBACK_STOP".equals(event.name())) {
      return;
    }
    String media = HeardCall.mediaOf(event);
    int occurrence;
    synchronized (watched) {
      occurrence = (start ? watched.starts : watched.ends).merge(media, 1, Integer::sum);
    }
    String uuid = event.header("Unique-ID");
    for (Caller.Cue cue : watched.cues) {
      if (cue.prompt().equals(media) && cue.occurrence() == occurrence && cue.afterEnd() != start) {
        clock.schedule(cue.delay(), () -> act(uuid, cue));
      }
    }
  }

  private void act(String uuid, Caller.Cue cue) {
    try {
      String digits = cue.digits();
      if (digits == null) { // the cue hangs up
        simulator.hangUpFarEnd(uuid, "NORMAL_CLEARING");
      } else {
        simulator.pressDigits(uuid, digits);
      }
    } catch (IllegalArgumentException | IllegalStateException gone) {
      // The call moved on first (hung up): a real caller's keys would land nowhere too.
      log.info("cue {} came too late: {}", cue, gone.getMessage());
    }
  }
}
