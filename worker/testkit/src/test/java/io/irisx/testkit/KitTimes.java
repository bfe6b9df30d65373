package io.irisx.testkit;

import java.time.Duration;

/** Timing notes shared by the kit's tests. */
final class KitTimes {
  /**
   * Virtual time also moves at wall speed while the test server holds it (a workflow task, an
   * activity, a simulator timer running): a prompt of 5 s measures 5 s plus those milliseconds.
   */
  static final Duration CREEP = Duration.ofMillis(900);

  private KitTimes() {}

  /**
   * One line per measured call in the test output (surefire keeps it in target/surefire-reports).
   */
  static void print(String what, CallOutcome call) {
    System.out.printf(
        "flow-test-kit | %-32s | call time %8.3f s | wall time %6d ms%n",
        what, call.callTime().toMillis() / 1000.0, call.wallTime().toMillis());
  }
}
