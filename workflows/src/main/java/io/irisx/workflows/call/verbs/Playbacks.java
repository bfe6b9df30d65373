package io.irisx.workflows.call.verbs;

import io.irisx.workflows.flow.Media;
import java.util.ArrayList;
import java.util.List;

/**
 * The playbacks of a channel that have ended, and how the switch's playback path is matched to the
 * media a flow asked for. Plain deterministic state.
 */
final class Playbacks {
  private final List<String> finished = new ArrayList<>();

  /** A PLAYBACK_STOP's path, or the media of a playback that ended while its event was lost. */
  void finished(String path) {
    finished.add(path);
  }

  /**
   * How many playbacks of this media have finished. FreeSWITCH reports a relative sound file with
   * its sound prefix in front, so a path ending in {@code /<media>} is the same prompt.
   */
  int finishedOf(String media) {
    return (int) finished.stream().filter(path -> isPlaybackOf(path, media)).count();
  }

  /**
   * Whether the application data of a channel's {@code playback} is this media: the very reference,
   * or for speech the switch's tts path (only speech is matched loosely, as calls before it did).
   */
  static boolean isPlaying(String applicationData, String media) {
    return media.equals(applicationData)
        || (media.startsWith(Media.SPEECH_PREFIX) && isPlaybackOf(applicationData, media));
  }

  /**
   * Whether the switch's playback path is this media. Speech ({@code say:text}) is played as {@code
   * tts://engine|voice|text}, with the node's engine and voice, which the workflow does not know.
   */
  static boolean isPlaybackOf(String path, String media) {
    if (path == null) {
      return false;
    }
    if (media.startsWith(Media.SPEECH_PREFIX)) {
      return path.equals(media)
          || (path.startsWith("tts://")
              && path.endsWith("|" + media.substring(Media.SPEECH_PREFIX.length())));
    }
    return path.equals(media) || path.endsWith("/" + media);
  }
}
