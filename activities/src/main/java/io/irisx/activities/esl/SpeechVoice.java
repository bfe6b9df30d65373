package io.irisx.activities.esl;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The node's text-to-speech engine (a FreeSWITCH speech module, e.g. {@code flite}) and voice
 * ({@code kal}): text is played as the file {@code tts://engine|voice|text} (mod_dptools' tts file
 * interface), so the switch reports it with PLAYBACK_START and PLAYBACK_STOP like any prompt.
 */
public record SpeechVoice(String engine, String voice) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public static final SpeechVoice FLITE_KAL = new SpeechVoice("flite", "kal");

  public SpeechVoice {
    if (engine == null
        || !NAME.matcher(engine).matches()
        || voice == null
        || !NAME.matcher(voice).matches()) {
      throw new UnsafeCommandException(
          "speech engine and voice must be 1..64 of A-Z a-z 0-9 _ . -: " + engine + "/" + voice);
    }
  }

  /** The node's setting, or flite's kal voice (the engine FreeSWITCH ships) when none is set. */
  public static SpeechVoice orDefault(@Nullable String engine, @Nullable String voice) {
    boolean unset = (engine == null || engine.isBlank()) && (voice == null || voice.isBlank());
    return unset ? FLITE_KAL : new SpeechVoice(engine, voice);
  }
}
