package io.irisx.workflows.flow;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to collect digits from the caller: an optional prompt (interrupted by the first digit), how
 * many digits, which key ends the input, how long to wait, which inputs are valid, and how often to
 * ask again when the caller types nothing or something invalid.
 *
 * <pre>{@code
 * GatherResult choice = call.gather(Gather.digits(1).prompt("ivr/menu.wav").accepting("[123]").attempts(3));
 * }</pre>
 *
 * @param prompt media played before and while waiting (a sound file or tone stream), or null
 * @param terminators keys that end the input early and are not part of it (e.g. {@code #})
 * @param firstDigitTimeout how long to wait for the first digit after the prompt
 * @param interDigitTimeout how long to wait for each further digit
 * @param overallTimeout the most one attempt may take, prompt included
 * @param valid the inputs accepted, as a regular expression over the digits; null accepts any
 * @param attempts how many times to ask in all (at least 1)
 */
public record Gather(
    String prompt,
    int minDigits,
    int maxDigits,
    String terminators,
    Duration firstDigitTimeout,
    Duration interDigitTimeout,
    Duration overallTimeout,
    String valid,
    int attempts) {

  public static final int MAX_DIGITS = 128;

  public Gather {
    if (minDigits < 1 || maxDigits < minDigits || maxDigits > MAX_DIGITS) {
      throw new IllegalArgumentException(
          "need 1 <= minDigits <= maxDigits <= "
              + MAX_DIGITS
              + ", got "
              + minDigits
              + ".."
              + maxDigits);
    }
    terminators = terminators == null ? "" : terminators;
    if (!terminators.matches("[0-9*#A-D]*")) {
      throw new IllegalArgumentException("terminators must be DTMF keys: " + terminators);
    }
    Objects.requireNonNull(firstDigitTimeout, "firstDigitTimeout");
    Objects.requireNonNull(interDigitTimeout, "interDigitTimeout");
    Objects.requireNonNull(overallTimeout, "overallTimeout");
    if (valid != null) {
      Pattern.compile(valid); // fails here, in the flow's own code, not on the caller's first digit
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
  }

  /**
   * Up to {@code maxDigits} digits (at least one), ended early by {@code #}; 5 s, then 3 s per
   * digit.
   */
  public static Gather digits(int maxDigits) {
    return new Gather(
        null,
        1,
        maxDigits,
        "#",
        Duration.ofSeconds(5),
        Duration.ofSeconds(3),
        Duration.ofMinutes(2),
        null,
        1);
  }

  public Gather prompt(String media) {
    return new Gather(
        media,
        minDigits,
        maxDigits,
        terminators,
        firstDigitTimeout,
        interDigitTimeout,
        overallTimeout,
        valid,
        attempts);
  }

  public Gather minDigits(int min) {
    return new Gather(
        prompt,
        min,
        maxDigits,
        terminators,
        firstDigitTimeout,
        interDigitTimeout,
        overallTimeout,
        valid,
        attempts);
  }

  public Gather terminators(String keys) {
    return new Gather(
        prompt,
        minDigits,
        maxDigits,
        keys,
        firstDigitTimeout,
        interDigitTimeout,
        overallTimeout,
        valid,
        attempts);
  }

  public Gather timeouts(Duration firstDigit, Duration interDigit) {
    return new Gather(
        prompt,
        minDigits,
        maxDigits,
        terminators,
        firstDigit,
        interDigit,
        overallTimeout,
        valid,
        attempts);
  }

  public Gather overallTimeout(Duration overall) {
    return new Gather(
        prompt,
        minDigits,
        maxDigits,
        terminators,
        firstDigitTimeout,
        interDigitTimeout,
        overall,
        valid,
        attempts);
  }

  public Gather accepting(String regex) {
    return new Gather(
        prompt,
        minDigits,
        maxDigits,
        terminators,
        firstDigitTimeout,
        interDigitTimeout,
        overallTimeout,
        regex,
        attempts);
  }

  public Gather attempts(int times) {
    return new Gather(
        prompt,
        minDigits,
        maxDigits,
        terminators,
        firstDigitTimeout,
        interDigitTimeout,
        overallTimeout,
        valid,
        times);
  }

  /** Whether {@code digits} is a complete, valid answer. */
  public boolean accepts(String digits) {
    return digits.length() >= minDigits
        && digits.length() <= maxDigits
        && (valid == null || Pattern.matches(valid, digits));
  }
}
