package io.irisx.activities.esl.simulator;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Plays a capture's client side against the simulator: each command is sent once the simulator has
 * sent as many frames as the real switch had by then, after the capture's pause (capped, so a
 * capture that waited seconds to show that nothing happens does not slow the suite). What the
 * simulator sends back is kept for {@link CaptureComparison}.
 */
final class CaptureReplay {
  private static final Duration FRAME_WAIT = Duration.ofSeconds(10);

  private final CaptureFile capture;
  private final Duration maxPause;
  private final Map<Integer, Runnable> farEndActions = new HashMap<>();
  private UnaryOperator<String> rewrite = UnaryOperator.identity();

  CaptureReplay(CaptureFile capture, Duration maxPause) {
    this.capture = capture;
    this.maxPause = maxPause;
  }

  CaptureFile capture() {
    return capture;
  }

  /** Changes each command before it is sent (a path on this machine, a shorter timeout). */
  CaptureReplay rewritingCommands(UnaryOperator<String> rewrite) {
    this.rewrite = rewrite;
    return this;
  }

  /**
   * Runs what the far end did (an inbound INVITE, a BYE) once the switch has sent {@code frames}
   * frames, after the capture's pause before the next one.
   */
  CaptureReplay farEndAfter(int frames, Runnable action) {
    farEndActions.put(frames, action);
    return this;
  }

  List<EslTestClient.Frame> run(EslSimulator simulator) throws Exception {
    try (EslTestClient client = EslTestClient.connect(simulator)) {
      int expected = 0;
      long lastMillis = 0;
      List<CaptureFile.Entry> entries = capture.entries();
      for (int i = 0; i < entries.size(); i++) {
        CaptureFile.Entry entry = entries.get(i);
        if (entry instanceof CaptureFile.Sent sent) {
          if (!awaitFrames(client, expected)) {
            return sessionFrames(client);
          }
          pause(sent.millis() - lastMillis);
          client.send(rewrite.apply(sent.text()));
          lastMillis = sent.millis();
          continue;
        }
        if (CaptureFile.isHeartbeat(entry)) {
          continue;
        }
        expected++;
        lastMillis = entry.millis();
        Runnable action = farEndActions.get(expected);
        if (action != null) {
          if (!awaitFrames(client, expected)) {
            return sessionFrames(client);
          }
          if (i + 1 < entries.size()) {
            pause(entries.get(i + 1).millis() - entry.millis());
          }
          action.run();
        }
      }
      awaitFrames(client, expected);
      // Long enough for a frame the switch would not send to show up.
      Thread.sleep(300);
      return sessionFrames(client);
    }
  }

  private static List<EslTestClient.Frame> sessionFrames(EslTestClient client) {
    return client.frames().stream().filter(f -> !CaptureFile.isHeartbeat(f)).toList();
  }

  private void pause(long millis) throws InterruptedException {
    long capped = Math.min(Math.max(0, millis), maxPause.toMillis());
    if (capped > 0) {
      Thread.sleep(capped);
    }
  }

  /**
   * False when the simulator did not send that many frames in time: the replay stops there, and the
   * comparison names what is missing.
   */
  private static boolean awaitFrames(EslTestClient client, int count) {
    try {
      await()
          .atMost(FRAME_WAIT)
          .pollInterval(Duration.ofMillis(2))
          .until(() -> sessionFrames(client).size() >= count);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }
}
