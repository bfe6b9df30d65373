package io.irisx.activities.esl.simulator;

import io.irisx.workflows.call.HangupCause;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the far end for a dialled number: a script registered for that exact number wins,
 * otherwise the last four digits pick a built-in behaviour.
 *
 * <pre>
 * ...0001  486 Busy Here      USER_BUSY
 * ...0002  rings, never answers (NO_ANSWER at originate timeout)
 * ...0003  603 Decline        CALL_REJECTED
 * ...0004  404 Not Found      UNALLOCATED_NUMBER
 * ...0005  183 early media (CHANNEL_PROGRESS_MEDIA), then answers
 * ...0006  answers, then hangs up (BYE) 2 s later, NORMAL_CLEARING
 * other    answers after answerDelay
 * </pre>
 */
final class FarEnds {
  static final Duration SHORT_CALL = Duration.ofSeconds(2);

  private final Map<String, FarEndScript> scripts = new ConcurrentHashMap<>();

  void register(String number, FarEndScript script) {
    scripts.put(digitsOf(number), script);
  }

  FarEndScript forDestination(String destination) {
    String digits = digitsOf(destination);
    FarEndScript registered = scripts.get(digits);
    if (registered != null) {
      return registered;
    }
    String lastFour = digits.length() >= 4 ? digits.substring(digits.length() - 4) : digits;
    return switch (lastFour) {
      case "0001" -> FarEndScript.refuses("USER_BUSY");
      case "0002" -> FarEndScript.refuses("NO_ANSWER");
      case "0003" -> FarEndScript.refuses("CALL_REJECTED");
      case "0004" -> FarEndScript.refuses("UNALLOCATED_NUMBER");
      case "0005" -> FarEndScript.answers().withEarlyMedia();
      case "0006" -> FarEndScript.answers().hangingUpAfter(SHORT_CALL);
      default -> FarEndScript.answers();
    };
  }

  /**
   * The SIP final response a refusing far end sends for a cause (mod_sofia's hangup_cause_to_sip).
   */
  static int sipStatus(HangupCause cause) {
    return switch (cause) {
      case UNALLOCATED_NUMBER, NO_ROUTE_TRANSIT_NET, NO_ROUTE_DESTINATION -> 404;
      case USER_BUSY -> 486;
      case NO_USER_RESPONSE -> 408;
      case NO_ANSWER, SUBSCRIBER_ABSENT, NORMAL_UNSPECIFIED -> 480;
      case CALL_REJECTED, DECLINE -> 603;
      case NUMBER_CHANGED, REDIRECTION_TO_NEW_DESTINATION -> 410;
      case DESTINATION_OUT_OF_ORDER, INVALID_PROFILE -> 502;
      case INVALID_NUMBER_FORMAT, INVALID_URL, INVALID_GATEWAY -> 484;
      case FACILITY_REJECTED, FACILITY_NOT_IMPLEMENTED, SERVICE_NOT_IMPLEMENTED -> 501;
      case REQUESTED_CHAN_UNAVAIL,
          NORMAL_CIRCUIT_CONGESTION,
          NETWORK_OUT_OF_ORDER,
          NORMAL_TEMPORARY_FAILURE,
          SWITCH_CONGESTION,
          GATEWAY_DOWN,
          BEARERCAPABILITY_NOTAVAIL ->
          503;
      case OUTGOING_CALL_BARRED, INCOMING_CALL_BARRED, BEARERCAPABILITY_NOTAUTH -> 403;
      case BEARERCAPABILITY_NOTIMPL, INCOMPATIBLE_DESTINATION -> 488;
      case RECOVERY_ON_TIMER_EXPIRE -> 504;
      case ORIGINATOR_CANCEL -> 487;
      case EXCHANGE_ROUTING_ERROR -> 483;
      case BUSY_EVERYWHERE -> 600;
      default -> 480;
    };
  }

  static String sipPhrase(int status) {
    return switch (status) {
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 410 -> "Gone";
      case 484 -> "Address Incomplete";
      case 486 -> "Busy Here";
      case 487 -> "Request Terminated";
      case 488 -> "Not Acceptable Here";
      case 501 -> "Not Implemented";
      case 483 -> "Too Many Hops";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Server Time-out";
      case 600 -> "Busy Everywhere";
      case 603 -> "Decline";
      default -> "Temporarily Unavailable";
    };
  }

  private static String digitsOf(String number) {
    return number.replaceAll("[^0-9]", "");
  }
}
