package io.irisx.activities.esl.simulator;

import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding FreeSWITCH applies to header values of {@code text/event-plain} events
 * (switch_url_encode with double-encoding off). It is not {@code
 * application/x-www-form-urlencoded}: space is {@code %20}, hex is uppercase, and an existing
 * {@code %XX} escape is left alone.
 */
final class EventValueEncoding {
  private static final String UNSAFE = "\r\n #%&+:;<=>?@[\\]^`{|}\"";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private EventValueEncoding() {}

  static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (b == '%' && isAlreadyEscaped(bytes, i)) {
        out.append('%');
      } else if (b < 0x20 || b > 0x7E || UNSAFE.indexOf(b) >= 0) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0x0F]);
      } else {
        out.append((char) b);
      }
    }
    // FreeSWITCH writes _undef_ only when encoding produced nothing; empty values never reach here.
    return out.isEmpty() ? "_undef_" : out.toString();
  }

  private static boolean isAlreadyEscaped(byte[] bytes, int percentAt) {
    return percentAt + 2 < bytes.length
        && isUpperHex(bytes[percentAt + 1])
        && isUpperHex(bytes[percentAt + 2]);
  }

  private static boolean isUpperHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F');
  }
}
