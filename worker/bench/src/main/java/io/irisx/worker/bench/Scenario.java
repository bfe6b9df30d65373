package io.irisx.worker.bench;

import java.util.Locale;

/** What the calls of a bench do. */
public enum Scenario {
  /** The hello flow: answer, one prompt, hang up. */
  HELLO("hello", "hello", FarEndNumbers.HELLO),
  /** The reminder flow: two prompts, the callee presses 1, a thank-you, hang up. */
  IVR("ivr", "reminder", FarEndNumbers.IVR),
  /** Many hello calls up at once, playing a long prompt until the bench hangs their far ends up. */
  HOLD("hold", "hello", FarEndNumbers.HOLD);

  private final String flag;
  private final String flow;
  private final String to;

  Scenario(String flag, String flow, String to) {
    this.flag = flag;
    this.flow = flow;
    this.to = to;
  }

  public String flag() {
    return flag;
  }

  String flow() {
    return flow;
  }

  String to() {
    return to;
  }

  public static Scenario parse(String value) {
    for (Scenario scenario : values()) {
      if (scenario.flag.equals(value.toLowerCase(Locale.ROOT))) {
        return scenario;
      }
    }
    throw new IllegalArgumentException("the scenario is hello, ivr or hold, not " + value);
  }
}
