package io.irisx.workflows.call;

import java.util.Map;

/** What the API may ask of a live call, each carried by a Temporal Update of the call workflow. */
public final class CallCommands {
  private CallCommands() {}

  /** Hang up now, with a Q.850 cause name (NORMAL_CLEARING when null). Works while ringing too. */
  public record Hangup(String cause) {}

  /** Play media to the answered call now, over whatever its flow is doing. */
  public record Play(String media, String mode) {
    /** Cut the flow's prompt playing now ({@code uuid_break}), then play this at once. */
    public static final String INTERRUPT = "interrupt";

    /** Play this after the flow's prompt playing now, as the switch queues it. */
    public static final String QUEUE = "queue";

    public Play {
      mode = mode == null || mode.isBlank() ? INTERRUPT : mode;
    }

    public Play(String media) {
      this(media, INTERRUPT);
    }
  }

  /** Send DTMF to the far end of the answered call. */
  public record SendDigits(String digits) {}

  /** Stop the running flow and run this one instead. */
  public record Redirect(String flow, Map<String, Object> params) {
    public Redirect {
      params = params == null ? Map.of() : Map.copyOf(params);
    }
  }
}
