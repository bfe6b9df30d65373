package io.irisx.workflows.webhook;

import java.util.regex.Pattern;

/** Recognises IP literals without asking a resolver. */
final class AddressLiterals {
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");

  /**
   * Numbers a C resolver reads as an IPv4 address although they are not dotted quads: {@code
   * 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1}, {@code 127.1}.
   */
  private static final Pattern OTHER_NUMERIC_IPV4 =
      Pattern.compile(
          "^(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+)){0,3}\\.?$", Pattern.CASE_INSENSITIVE);

  private AddressLiterals() {}

  static boolean isIpv4(String host) {
    return DOTTED_QUAD.matcher(host).matches();
  }

  static boolean isIpv6(String host) {
    return host.indexOf(':') >= 0 && host.matches("^[0-9a-fA-F:.]+(%[0-9A-Za-z._-]+)?$");
  }

  static boolean isLiteral(String host) {
    return isIpv4(host) || isIpv6(host);
  }

  static boolean isObfuscatedIpv4(String host) {
    return !isIpv4(host) && OTHER_NUMERIC_IPV4.matcher(host).matches();
  }
}
