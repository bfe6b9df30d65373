package io.irisx.workflows.flow;

import java.util.Objects;

/**
 * One parameter a flow takes in {@code params}: its name, its kind, whether it is required, and for
 * whole numbers their range. The API checks every call's, number's and redirect's params against
 * the flow's declared parameters before anything is dialled (see {@link FlowParameters}).
 *
 * @param min the smallest whole number allowed (kind {@link Kind#INTEGER} only)
 * @param max the largest whole number allowed (kind {@link Kind#INTEGER} only), or the longest text
 *     (kind {@link Kind#TEXT})
 */
public record FlowParameter(
    String name, Kind kind, boolean required, long min, long max, String description) {

  /** What a parameter's value must be. */
  public enum Kind {
    /** Something to play, as {@link Media#parse} reads it; URLs also pass the address policy. */
    MEDIA(
        "a media reference: a sound file path relative to the sound root, tone_stream://,"
            + " silence_stream://, say:text or http_cache://https://..."),
    /** A strict E.164 number: what reaches the switch as a number to dial. */
    NUMBER("an E.164 number: '+' then 2 to 15 digits, the first not 0"),
    INTEGER("a whole number"),
    BOOLEAN("true or false"),
    /** Free text that never reaches the switch (a label, an annotation). */
    TEXT("a string"),
    /**
     * A one-key menu: keys {@code 0-9 * #}, each an object with exactly one of {@code flow} (and
     * its {@code params}, checked against that flow), {@code number} or {@code prompt}.
     */
    MENU("an object of keys 0-9 * # to {\"flow\", \"params\"}, {\"number\"} or {\"prompt\"}");

    private final String shape;

    Kind(String shape) {
      this.shape = shape;
    }

    /** How the API describes a value of this kind in a 422. */
    public String shape() {
      return shape;
    }
  }

  /** Names are JSON field names a flow reads: letters and digits, starting with a letter. */
  public FlowParameter {
    Objects.requireNonNull(kind, "kind");
    if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("parameter names are letters and digits: " + name);
    }
    if (min > max) {
      throw new IllegalArgumentException(name + ": min " + min + " is above max " + max);
    }
    description = description == null ? "" : description;
  }

  public static FlowParameter media(String name, String description) {
    return new FlowParameter(name, Kind.MEDIA, false, 0, 0, description);
  }

  public static FlowParameter number(String name, String description) {
    return new FlowParameter(name, Kind.NUMBER, false, 0, 0, description);
  }

  /** A whole number from {@code min} to {@code max}; anything outside is refused, not defaulted. */
  public static FlowParameter integer(String name, long min, long max, String description) {
    return new FlowParameter(name, Kind.INTEGER, false, min, max, description);
  }

  public static FlowParameter bool(String name, String description) {
    return new FlowParameter(name, Kind.BOOLEAN, false, 0, 0, description);
  }

  /** Text of at most {@code maxLength} characters that the flow does not hand to the switch. */
  public static FlowParameter text(String name, int maxLength, String description) {
    return new FlowParameter(name, Kind.TEXT, false, 0, maxLength, description);
  }

  public static FlowParameter menu(String name, String description) {
    return new FlowParameter(name, Kind.MENU, false, 0, 0, description);
  }

  /** The same parameter, which every request must give. */
  public FlowParameter asRequired() {
    return new FlowParameter(name, kind, true, min, max, description);
  }
}
