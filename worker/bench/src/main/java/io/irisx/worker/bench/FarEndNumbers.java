package io.irisx.worker.bench;

/** The numbers each scenario dials; the bench stack scripts their far ends. */
final class FarEndNumbers {
  static final String CALLER = "+15550100";

  /** Answers after the simulator's answer delay (100 ms): the default far end. */
  static final String HELLO = "+15550111";

  /** Answers, then presses 1 during the reminder's menu prompt. */
  static final String IVR = "+15550177";

  /** Answers and stays on the line until the bench hangs it up. */
  static final String HOLD = "+15550188";

  private FarEndNumbers() {}
}
