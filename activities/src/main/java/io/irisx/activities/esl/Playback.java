package io.irisx.activities.esl;

/**
 * One prompt on a channel, told apart from every other by the Application-UUID the switch gives its
 * playback: the first playback CHANNEL_EXECUTE of its media after it was sent is this prompt's, and
 * only the CHANNEL_EXECUTE_COMPLETE with the same UUID ends it. A cut-short prompt's late events
 * (the switch sends them after uuid_break has answered) are never taken for the next prompt's.
 */
final class Playback {
  private static final String PLAYED = "FILE PLAYED";

  private final String data;
  private String applicationUuid;
  private boolean ended;
  private boolean cutShort;
  private boolean startUnseen;
  private String failure;

  /**
   * @param data what uuid_broadcast names the media in the playback's {@code Application-Data}
   */
  Playback(String data) {
    this.data = data;
  }

  void observe(SwitchEvent event) {
    if (ended || !"playback".equals(event.header("Application"))) {
      return;
    }
    String uuid = event.header("Application-UUID");
    if ("CHANNEL_EXECUTE".equals(event.name())
        && applicationUuid == null
        && data.equals(event.header("Application-Data"))) {
      applicationUuid = uuid;
    } else if ("CHANNEL_EXECUTE_COMPLETE".equals(event.name())
        && (applicationUuid != null
            ? applicationUuid.equals(uuid)
            : startUnseen && data.equals(event.header("Application-Data")))) {
      ended = true;
      String response = event.header("Application-Response");
      if (!cutShort && response != null && !PLAYED.equals(response)) {
        // FILE NOT FOUND, Invalid file format, ...: the switch played nothing.
        failure = response;
      }
    }
  }

  /**
   * The switch says the prompt ended though its CHANNEL_EXECUTE_COMPLETE never came (it ended while
   * the link was down); {@code response} is what that event would have said.
   */
  void endedUnseen(String response) {
    if (ended) {
      return;
    }
    ended = true;
    if (!cutShort && !PLAYED.equals(response)) {
      failure = response;
    }
  }

  /**
   * The link to the switch was down after the prompt was sent: when its CHANNEL_EXECUTE was lost,
   * the first CHANNEL_EXECUTE_COMPLETE of its media is taken for its end.
   */
  void linkRestored() {
    if (applicationUuid == null) {
      startUnseen = true;
    }
  }

  /** IRISX stopped it (the caller started typing): its end is no failure. */
  void cutShort() {
    cutShort = true;
  }

  boolean ended() {
    return ended;
  }

  /** The switch's reason when the prompt could not be played; null when it played. */
  String failure() {
    return failure;
  }
}
