package io.irisx.worker.inbound;

import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a node turns the caller number the network sent into E.164. FreeSWITCH passes the SIP From
 * user through unchanged (no {@code +} added), so a carrier that sends {@code 15557770001}, {@code
 * 05557770001} or {@code 011...} needs the node's country rules: in order, {@code +digits} is kept;
 * the international prefix becomes {@code +}; the national (trunk) prefix becomes {@code
 * +<countryCode>}; other digits starting with the country code get a {@code +}, the rest get {@code
 * +<countryCode>} in front. Without a country code only {@code +digits} is accepted.
 *
 * @param countryCode the node's country calling code, e.g. {@code 1} or {@code 44}
 * @param nationalPrefix the trunk prefix of national numbers, e.g. {@code 1} (NANP) or {@code 0}
 * @param internationalPrefix what precedes a country code in a dialled international number, e.g.
 *     {@code 011} or {@code 00}
 */
public record CallerNumberRule(
    @Pattern(regexp = "[1-9][0-9]{0,2}") @Nullable String countryCode,
    @Pattern(regexp = "[0-9]{1,4}") @Nullable String nationalPrefix,
    @Pattern(regexp = "[0-9]{1,4}") @Nullable String internationalPrefix) {

  /** Only numbers already in E.164 (with their {@code +}) are taken as such. */
  public static final CallerNumberRule E164_ONLY = new CallerNumberRule(null, null, null);

  private static final java.util.regex.Pattern E164 =
      java.util.regex.Pattern.compile("\\+[1-9][0-9]{7,14}");

  /** The E.164 form of what the network sent, or empty when it is not a number this rule knows. */
  public Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String number = raw.strip();
    if (number.startsWith("+")) {
      return e164(number);
    }
    if (!number.matches("[0-9]{1,20}") || countryCode == null || countryCode.isBlank()) {
      return Optional.empty();
    }
    if (internationalPrefix != null
        && !internationalPrefix.isBlank()
        && number.startsWith(internationalPrefix)) {
      return e164("+" + number.substring(internationalPrefix.length()));
    }
    if (nationalPrefix != null && !nationalPrefix.isBlank() && number.startsWith(nationalPrefix)) {
      return e164("+" + countryCode + number.substring(nationalPrefix.length()));
    }
    if (number.startsWith(countryCode)) {
      return e164("+" + number);
    }
    return e164("+" + countryCode + number);
  }

  private static Optional<String> e164(String candidate) {
    return E164.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
  }
}
