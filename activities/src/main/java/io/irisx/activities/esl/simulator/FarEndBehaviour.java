package io.irisx.activities.esl.simulator;

/**
 * What the simulated far end does with a call, scripted by the last four digits of the dialled
 * number so tests can pick an outcome: 0001 busy (486), 0002 rings forever, 0003 declines (603),
 * 0004 does not exist (404), anything else answers.
 */
enum FarEndBehaviour {
  ANSWER(null, 0, null),
  BUSY(HangupCause.USER_BUSY, 486, "Busy Here"),
  NO_ANSWER(HangupCause.NO_ANSWER, 0, null),
  DECLINE(HangupCause.CALL_REJECTED, 603, "Decline"),
  NOT_FOUND(HangupCause.UNALLOCATED_NUMBER, 404, "Not Found");

  private final HangupCause refusal;
  private final int sipStatus;
  private final String sipPhrase;

  FarEndBehaviour(HangupCause refusal, int sipStatus, String sipPhrase) {
    this.refusal = refusal;
    this.sipStatus = sipStatus;
    this.sipPhrase = sipPhrase;
  }

  static FarEndBehaviour forDestination(String destination) {
    String digits = destination.replaceAll("[^0-9]", "");
    String lastFour = digits.length() >= 4 ? digits.substring(digits.length() - 4) : digits;
    return switch (lastFour) {
      case "0001" -> BUSY;
      case "0002" -> NO_ANSWER;
      case "0003" -> DECLINE;
      case "0004" -> NOT_FOUND;
      default -> ANSWER;
    };
  }

  /** True for a far end that sends a final SIP error instead of ringing. */
  boolean refusesImmediately() {
    return sipStatus != 0;
  }

  HangupCause refusal() {
    return refusal;
  }

  int sipStatus() {
    return sipStatus;
  }

  String sipPhrase() {
    return sipPhrase;
  }
}
