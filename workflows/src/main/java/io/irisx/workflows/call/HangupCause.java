package io.irisx.workflows.call;

import java.util.Map;
import java.util.Optional;

/** Q.850 numbers of the hangup causes FreeSWITCH reports by name (switch_types.h). */
public final class HangupCause {
  public static final String NORMAL_CLEARING = "NORMAL_CLEARING";

  /** The platform ends a call whose flow could not go on (the switch refused a step). */
  public static final String NORMAL_TEMPORARY_FAILURE = "NORMAL_TEMPORARY_FAILURE";

  private static final Map<String, Integer> Q850 =
      Map.ofEntries(
          Map.entry("UNALLOCATED_NUMBER", 1),
          Map.entry("NO_ROUTE_TRANSIT_NET", 2),
          Map.entry("NO_ROUTE_DESTINATION", 3),
          Map.entry("CHANNEL_UNACCEPTABLE", 6),
          Map.entry(NORMAL_CLEARING, 16),
          Map.entry("USER_BUSY", 17),
          Map.entry("NO_USER_RESPONSE", 18),
          Map.entry("NO_ANSWER", 19),
          Map.entry("SUBSCRIBER_ABSENT", 20),
          Map.entry("CALL_REJECTED", 21),
          Map.entry("NUMBER_CHANGED", 22),
          Map.entry("REDIRECTION_TO_NEW_DESTINATION", 23),
          Map.entry("EXCHANGE_ROUTING_ERROR", 25),
          Map.entry("DESTINATION_OUT_OF_ORDER", 27),
          Map.entry("INVALID_NUMBER_FORMAT", 28),
          Map.entry("FACILITY_REJECTED", 29),
          Map.entry("NORMAL_UNSPECIFIED", 31),
          Map.entry("NORMAL_CIRCUIT_CONGESTION", 34),
          Map.entry("NETWORK_OUT_OF_ORDER", 38),
          Map.entry("NORMAL_TEMPORARY_FAILURE", 41),
          Map.entry("SWITCH_CONGESTION", 42),
          Map.entry("REQUESTED_CHAN_UNAVAIL", 44),
          Map.entry("OUTGOING_CALL_BARRED", 52),
          Map.entry("INCOMING_CALL_BARRED", 54),
          Map.entry("SERVICE_UNAVAILABLE", 63),
          Map.entry("SERVICE_NOT_IMPLEMENTED", 79),
          Map.entry("INCOMPATIBLE_DESTINATION", 88),
          Map.entry("RECOVERY_ON_TIMER_EXPIRE", 102),
          Map.entry("PROTOCOL_ERROR", 111),
          Map.entry("INTERWORKING", 127));

  private HangupCause() {}

  /** Whether {@code cause} has the shape of a FreeSWITCH cause name (what uuid_kill accepts). */
  public static boolean isName(String cause) {
    return cause != null && cause.matches("[A-Z][A-Z0-9_]{2,49}");
  }

  /** The Q.850 number; FreeSWITCH's own causes above 127 report as 16, as it does itself. */
  public static Optional<Integer> q850(String cause) {
    if (cause == null) {
      return Optional.empty();
    }
    return Optional.of(Q850.getOrDefault(cause, 16));
  }

  /** The final status of a call that ended with this cause. */
  public static CallStatus finalStatus(String cause, boolean answered) {
    if (answered) {
      return CallStatus.COMPLETED;
    }
    if (cause == null) {
      return CallStatus.FAILED;
    }
    return switch (cause) {
      case "USER_BUSY" -> CallStatus.BUSY;
      case "NO_ANSWER", "NO_USER_RESPONSE", "PROGRESS_TIMEOUT" -> CallStatus.NO_ANSWER;
      case "ORIGINATOR_CANCEL" -> CallStatus.CANCELED;
      default -> CallStatus.FAILED;
    };
  }
}
