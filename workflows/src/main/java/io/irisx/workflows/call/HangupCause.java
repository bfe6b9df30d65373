package io.irisx.workflows.call;

import java.util.Locale;
import java.util.Optional;

/**
 * The hangup causes FreeSWITCH reports, with their numbers (switch_types.h): the one table the call
 * workflow's CDR and the ESL simulator both read. Causes travel as names (strings) through
 * workflows and activities, as FreeSWITCH writes them; this enum gives them their numbers.
 */
public enum HangupCause {
  NONE(0),
  UNALLOCATED_NUMBER(1),
  NO_ROUTE_TRANSIT_NET(2),
  NO_ROUTE_DESTINATION(3),
  CHANNEL_UNACCEPTABLE(6),
  CALL_AWARDED_DELIVERED(7),
  NORMAL_CLEARING(16),
  USER_BUSY(17),
  NO_USER_RESPONSE(18),
  NO_ANSWER(19),
  SUBSCRIBER_ABSENT(20),
  CALL_REJECTED(21),
  NUMBER_CHANGED(22),
  REDIRECTION_TO_NEW_DESTINATION(23),
  EXCHANGE_ROUTING_ERROR(25),
  DESTINATION_OUT_OF_ORDER(27),
  INVALID_NUMBER_FORMAT(28),
  FACILITY_REJECTED(29),
  RESPONSE_TO_STATUS_ENQUIRY(30),
  NORMAL_UNSPECIFIED(31),
  NORMAL_CIRCUIT_CONGESTION(34),
  NETWORK_OUT_OF_ORDER(38),
  NORMAL_TEMPORARY_FAILURE(41),
  SWITCH_CONGESTION(42),
  ACCESS_INFO_DISCARDED(43),
  REQUESTED_CHAN_UNAVAIL(44),
  PRE_EMPTED(45),
  FACILITY_NOT_SUBSCRIBED(50),
  OUTGOING_CALL_BARRED(52),
  INCOMING_CALL_BARRED(54),
  BEARERCAPABILITY_NOTAUTH(57),
  BEARERCAPABILITY_NOTAVAIL(58),
  SERVICE_UNAVAILABLE(63),
  BEARERCAPABILITY_NOTIMPL(65),
  CHAN_NOT_IMPLEMENTED(66),
  FACILITY_NOT_IMPLEMENTED(69),
  SERVICE_NOT_IMPLEMENTED(79),
  INVALID_CALL_REFERENCE(81),
  INCOMPATIBLE_DESTINATION(88),
  INVALID_MSG_UNSPECIFIED(95),
  MANDATORY_IE_MISSING(96),
  MESSAGE_TYPE_NONEXIST(97),
  WRONG_MESSAGE(98),
  IE_NONEXIST(99),
  INVALID_IE_CONTENTS(100),
  WRONG_CALL_STATE(101),
  RECOVERY_ON_TIMER_EXPIRE(102),
  MANDATORY_IE_LENGTH_ERROR(103),
  PROTOCOL_ERROR(111),
  INTERWORKING(127),
  SUCCESS(142),
  ORIGINATOR_CANCEL(487),
  CRASH(700),
  SYSTEM_SHUTDOWN(701),
  LOSE_RACE(702),
  MANAGER_REQUEST(703),
  BLIND_TRANSFER(800),
  ATTENDED_TRANSFER(801),
  ALLOTTED_TIMEOUT(802),
  USER_CHALLENGE(803),
  MEDIA_TIMEOUT(804),
  PICKED_OFF(805),
  USER_NOT_REGISTERED(806),
  PROGRESS_TIMEOUT(807),
  INVALID_GATEWAY(808),
  GATEWAY_DOWN(809),
  INVALID_URL(810),
  INVALID_PROFILE(811),
  NO_PICKUP(812),
  SRTP_READ_ERROR(813),
  BOWOUT(814),
  BUSY_EVERYWHERE(815),
  DECLINE(816),
  DOES_NOT_EXIST_ANYWHERE(817),
  NOT_ACCEPTABLE(818),
  UNWANTED(819);

  private final int code;

  HangupCause(int code) {
    this.code = code;
  }

  /** The cause's number in FreeSWITCH (above 127 for its own causes). */
  public int code() {
    return code;
  }

  /** What hangup_cause_q850 reports: the number, or 16 for FreeSWITCH's own causes above 127. */
  public int q850() {
    return code <= 127 ? code : NORMAL_CLEARING.code;
  }

  /** Like switch_channel_str2cause: a name in any case, or a number. */
  public static Optional<HangupCause> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    if (Character.isDigit(trimmed.charAt(0))) {
      try {
        int number = Integer.parseInt(trimmed);
        for (HangupCause cause : values()) {
          if (cause.code == number) {
            return Optional.of(cause);
          }
        }
      } catch (NumberFormatException ignored) {
        return Optional.empty();
      }
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(trimmed.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code cause} has the shape of a FreeSWITCH cause name (what uuid_kill accepts). */
  public static boolean isName(String cause) {
    return cause != null && cause.matches("[A-Z][A-Z0-9_]{2,49}");
  }

  /**
   * The Q.850 number of a cause FreeSWITCH named; a name it does not know reports as 16, as
   * FreeSWITCH's own causes above 127 do.
   */
  public static Optional<Integer> q850(String cause) {
    if (cause == null) {
      return Optional.empty();
    }
    for (HangupCause known : values()) {
      if (known.name().equals(cause)) {
        return Optional.of(known.q850());
      }
    }
    return Optional.of(NORMAL_CLEARING.q850());
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
