package io.irisx.workflows.flow;

import io.irisx.workflows.call.PhoneNumber;
import java.time.Duration;

/**
 * Whom {@link Call#dial} calls, and how: a strict E.164 number (dialled through the node's dial
 * template, as the call itself was), how long it may ring, and the caller id it is shown.
 *
 * <pre>{@code
 * DialResult result = call.dial(Dial.number("+15550123").ringing(Duration.ofSeconds(20)));
 * }</pre>
 *
 * @param to the party to call, strict E.164
 * @param ringTimeout how long the other party may ring before the dial ends as no-answer
 * @param callerId the number the other party sees, strict E.164; null shows the call's own {@code
 *     from}
 */
public record Dial(String to, Duration ringTimeout, String callerId) {
  public static final Duration MAX_RING = Duration.ofMinutes(10);

  public Dial {
    if (!PhoneNumber.isE164(to)) {
      throw new IllegalArgumentException("dial needs a strict E.164 number, got " + to);
    }
    if (ringTimeout == null || ringTimeout.toSeconds() < 1 || ringTimeout.compareTo(MAX_RING) > 0) {
      throw new IllegalArgumentException("ring timeout must be 1 s .. 10 min, got " + ringTimeout);
    }
    if (callerId != null && !PhoneNumber.isE164(callerId)) {
      throw new IllegalArgumentException("caller id must be strict E.164, got " + callerId);
    }
  }

  /** Rings {@code to} for 30 s, showing the call's own {@code from}. */
  public static Dial number(String to) {
    return new Dial(to, Duration.ofSeconds(30), null);
  }

  public Dial ringing(Duration timeout) {
    return new Dial(to, timeout, callerId);
  }

  public Dial callerId(String number) {
    return new Dial(to, ringTimeout, number);
  }
}
