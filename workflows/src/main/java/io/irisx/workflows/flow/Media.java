package io.irisx.workflows.flow;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Something to play to a call, typed: a sound file on the node, a tone, text spoken by the node's
 * text-to-speech engine and voice, or an audio file fetched over https (FreeSWITCH's
 * mod_http_cache). {@link #reference()} is the one string the platform hands the switch; {@code
 * Call.play(String)} takes the same references.
 *
 * <pre>{@code
 * call.play(Media.speech("Your appointment is tomorrow at nine."));
 * call.play(Media.url("https://cdn.example.com/prompts/welcome.wav"));
 * }</pre>
 */
public record Media(Kind kind, String value) {

  public enum Kind {
    FILE,
    TONE,
    SPEECH,
    URL
  }

  /** The reference prefix for speech: the node renders it with its own engine and voice. */
  public static final String SPEECH_PREFIX = "say:";

  /** The reference prefix for a URL: played through mod_http_cache, which caches it on the node. */
  public static final String URL_PREFIX = "http_cache://";

  public static final String TONE_PREFIX = "tone_stream://";
  public static final int MAX_SPEECH_LENGTH = 1000;

  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_/][A-Za-z0-9_./=+-]{0,511}");
  private static final Pattern TONE = Pattern.compile("[A-Za-z0-9_.;=%(),+-]{1,512}");

  /**
   * Letters and digits of any script, spaces and plain punctuation. No quote (the switch's argument
   * splitter would end the text), no {@code |} (the TTS path's separator), no {@code $} or braces
   * (variable expansion), no backslash, colon or control characters.
   */
  private static final Pattern SPEECH =
      Pattern.compile("[\\p{L}\\p{N} .,?!%-]{1," + MAX_SPEECH_LENGTH + "}");

  /** https URLs whose characters need neither quoting nor escaping in an ESL command. */
  private static final Pattern URL =
      Pattern.compile(
          "https://[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?(?:/[A-Za-z0-9_.~/%=&+-]*)?(?:\\?[A-Za-z0-9_.~/%=&+-]*)?");

  public Media {
    if (kind == null || value == null) {
      throw new IllegalArgumentException("media needs a kind and a value");
    }
    boolean valid =
        switch (kind) {
          case FILE -> FILE.matcher(value).matches() && !value.contains("..");
          case TONE -> TONE.matcher(value).matches();
          case SPEECH -> SPEECH.matcher(value).matches() && !value.isBlank();
          case URL ->
              URL.matcher(value).matches() && value.length() <= 2048 && !value.contains("..");
        };
    if (!valid) {
      throw new IllegalArgumentException(
          "not playable as " + kind.name().toLowerCase(Locale.ROOT) + ": " + shown(value));
    }
  }

  /** A sound file on the node, relative to its sound prefix ({@code ivr/ivr-welcome.wav}). */
  public static Media file(String path) {
    return new Media(Kind.FILE, path);
  }

  /** A FreeSWITCH tone spec ({@code %(250,50,440)}), with or without {@code tone_stream://}. */
  public static Media tone(String spec) {
    return new Media(
        Kind.TONE, spec.startsWith(TONE_PREFIX) ? spec.substring(TONE_PREFIX.length()) : spec);
  }

  /** Text spoken by the node's configured engine and voice (worker.yml {@code node.speech}). */
  public static Media speech(String text) {
    return new Media(Kind.SPEECH, text == null ? null : text.strip());
  }

  /** An https audio file; the API also refuses URLs whose host resolves to a private address. */
  public static Media url(String httpsUrl) {
    return new Media(Kind.URL, httpsUrl);
  }

  /** What the switch is asked to play, and what its playback events name. */
  public String reference() {
    return switch (kind) {
      case FILE -> value;
      case TONE -> TONE_PREFIX + value;
      case SPEECH -> SPEECH_PREFIX + value;
      case URL -> URL_PREFIX + value;
    };
  }

  /**
   * How long a playback of {@code text} plausibly takes: about 15 characters a second, at least a
   * second.
   */
  public static java.time.Duration speakingTime(String text) {
    return java.time.Duration.ofMillis(Math.max(1000, text.length() * 1000L / 15));
  }

  private static String shown(String value) {
    String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return "'" + cut.replace("\r", "\\r").replace("\n", "\\n") + "'";
  }
}
