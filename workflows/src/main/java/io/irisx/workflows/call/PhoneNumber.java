package io.irisx.workflows.call;

import java.util.regex.Pattern;

/**
 * Strict E.164, the one shape of phone number IRISX accepts anywhere: {@code +}, a non-zero digit,
 * then 1 to 14 more digits; no spaces or punctuation. The API validates with it and the ESL command
 * builder refuses anything else, so both sides agree on what a number is.
 */
public final class PhoneNumber {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  private PhoneNumber() {}

  public static boolean isE164(String number) {
    return number != null && E164.matcher(number).matches();
  }
}
