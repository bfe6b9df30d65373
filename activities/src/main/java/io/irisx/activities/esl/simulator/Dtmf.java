package io.irisx.activities.esl.simulator;

import java.util.regex.Pattern;

/** The digits RFC 2833 can carry, as FreeSWITCH reports them in DTMF-Digit. */
final class Dtmf {
  private static final Pattern VALID = Pattern.compile("[0-9*#A-Da-d]+");

  private Dtmf() {}

  static String requireValid(String digits) {
    if (digits == null || !VALID.matcher(digits).matches()) {
      throw new IllegalArgumentException("not DTMF digits: " + digits);
    }
    return digits;
  }
}
