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
    URL,
    SILENCE
  }

  /** The reference prefix for speech: the node renders it with its own engine and voice. */
  public static final String SPEECH_PREFIX = "say:";

  /** The reference prefix for a URL: played through mod_http_cache, which caches it on the node. */
  public static final String URL_PREFIX = "http_cache://";

  public static final String TONE_PREFIX = "tone_stream://";
  public static final String SILENCE_PREFIX = "silence_stream://";
  public static final int MAX_SPEECH_LENGTH = 1000;

  /**
   * Relative to the node's sound root (FreeSWITCH's {@code sound_prefix}): no leading {@code /}, no
   * {@code //}, no {@code ..}, so no file outside it (another tenant's, {@code /etc/passwd}) plays.
   */
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./=+-]{0,511}");

  /**
   * Milliseconds of silence, optionally with a comfort-noise divisor: {@code 500}, {@code
   * 500,1400}.
   */
  private static final Pattern SILENCE = Pattern.compile("[0-9]{1,7}(?:,[0-9]{1,5})?");

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
          case FILE ->
              FILE.matcher(value).matches() && !value.contains("..") && !value.contains("//");
          case SILENCE -> SILENCE.matcher(value).matches();
          case TONE -> TONE.matcher(value).matches();
          case SPEECH -> SPEECH.matcher(value).matches() && !value.isBlank();
          case URL ->
              URL.matcher(value).matches()
                  && value.length() <= 2048
                  && !value.contains("..")
                  && !hostIsNumeric(value);
        };
    if (!valid) {
      throw new IllegalArgumentException(
          "not playable as " + kind.name().toLowerCase(Locale.ROOT) + ": " + shown(value));
    }
  }

  /**
   * The media a reference names, as {@code Call.play(String)} takes it: {@code tone_stream://},
   * {@code silence_stream://}, {@code say:}, {@code http_cache://https://...}, else a sound file.
   *
   * @throws IllegalArgumentException when the reference is not playable
   */
  public static Media parse(String reference) {
    if (reference == null) {
      throw new IllegalArgumentException("media needs a kind and a value");
    }
    if (reference.startsWith(TONE_PREFIX)) {
      return new Media(Kind.TONE, reference.substring(TONE_PREFIX.length()));
    }
    if (reference.startsWith(SILENCE_PREFIX)) {
      return new Media(Kind.SILENCE, reference.substring(SILENCE_PREFIX.length()));
    }
    if (reference.startsWith(SPEECH_PREFIX)) {
      return new Media(Kind.SPEECH, reference.substring(SPEECH_PREFIX.length()));
    }
    if (reference.startsWith(URL_PREFIX)) {
      return new Media(Kind.URL, reference.substring(URL_PREFIX.length()));
    }
    return new Media(Kind.FILE, reference);
  }

  /**
   * The host of an https media URL as written (the part between {@code https://} and a port or
   * path).
   */
  public String urlHost() {
    if (kind != Kind.URL) {
      throw new IllegalStateException("not a URL: " + kind);
    }
    return hostOf(value);
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
      case SILENCE -> SILENCE_PREFIX + value;
    };
  }

  /**
   * How long a playback of {@code text} plausibly takes: about 15 characters a second, at least a
   * second.
   */
  public static java.time.Duration speakingTime(String text) {
    return java.time.Duration.ofMillis(Math.max(1000, text.length() * 1000L / 15));
  }

  /**
   * A host of digits, dots and hex only is an IP address in some notation ({@code 169.254.169.254},
   * {@code 2130706433}, {@code 0x7f.1}): media is fetched by name, so the address policy's checks
   * apply to what the name resolves to.
   */
  private static boolean hostIsNumeric(String url) {
    String host = hostOf(url);
    return host.matches("(?i)[0-9.]+|(?:0x[0-9a-f]*|[0-9]+)(?:\\.(?:0x[0-9a-f]*|[0-9]+))*\\.?");
  }

  private static String hostOf(String url) {
    String rest = url.substring("https://".length());
    int end = rest.length();
    for (char stop : new char[] {':', '/', '?'}) {
      int at = rest.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return rest.substring(0, end);
  }

  private static String shown(String value) {
    String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return "'" + cut.replace("\r", "\\r").replace("\n", "\\n") + "'";
  }
}
