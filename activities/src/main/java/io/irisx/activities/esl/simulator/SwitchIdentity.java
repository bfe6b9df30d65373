package io.irisx.activities.esl.simulator;

import java.time.Instant;

/** Who this simulated FreeSWITCH is: the values of the identity headers every event carries. */
record SwitchIdentity(
    String coreUuid, String hostname, String ipv4, String ipv6, Instant startedAt) {
  static final String VERSION = "1.10.12-release~64bit";
  static final String VERSION_BANNER = "1.10.12-release  64bit";
}
