package io.irisx.worker.inbound;

import io.irisx.workflows.call.PhoneNumber;
import java.util.Optional;

/**
 * The DID an inbound call was made to, in the E.164 form numbers are stored in. Carriers and
 * dialplans hand the destination over with or without the leading {@code +} (FreeSWITCH's own
 * capture shows {@code 15550199}); anything else (an extension, a SIP user name) is no DID.
 */
final class DialledNumber {
  private DialledNumber() {}

  static Optional<String> e164(String destination) {
    if (destination == null) {
      return Optional.empty();
    }
    String candidate = destination.strip();
    if (!candidate.startsWith("+")) {
      candidate = "+" + candidate;
    }
    return PhoneNumber.isE164(candidate) ? Optional.of(candidate) : Optional.empty();
  }
}
