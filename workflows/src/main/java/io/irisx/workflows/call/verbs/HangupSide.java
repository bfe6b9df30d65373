package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.ChannelEvent;

/**
 * What the hangup events say about who ended a call: the first SIP status and the first disposition
 * they carry ({@code variable_sip_term_status}, {@code variable_sip_hangup_disposition}).
 */
final class HangupSide {
  /** The disposition of the hangup a node makes up for a channel that vanished unseen. */
  static final String RECONCILED_DISPOSITION = "irisx_reconciled";

  private String sipTermStatus;
  private String disposition;

  /** Keeps the first SIP status and disposition the hangup events carry. */
  void note(ChannelEvent event) {
    if (sipTermStatus == null) {
      sipTermStatus = event.sipTermStatus();
    }
    if (disposition == null) {
      disposition = event.hangupDisposition();
    }
  }

  /** The final SIP status, when it is one (three digits, 1xx to 6xx). */
  Integer sipCode() {
    if (sipTermStatus == null || !sipTermStatus.matches("[1-6][0-9]{2}")) {
      return null;
    }
    return Integer.valueOf(sipTermStatus);
  }

  /** How the SIP dialog ended ({@code recv_bye}, {@code send_cancel}, ...), or null. */
  String disposition() {
    return disposition;
  }

  /**
   * Who ended the call: {@code platform} when IRISX hung up or refused (FreeSWITCH sent the BYE,
   * CANCEL or refusal), otherwise the far end: the {@code caller} of an inbound call or the {@code
   * callee} of an outbound one. Without a disposition (not a SIP channel), a hangup IRISX asked for
   * is the platform's; null when nothing tells.
   *
   * @param lost the channel vanished without a hangup event
   * @param platformAsked IRISX asked the switch to hang up
   * @param endedWithCause the call ended and a cause is known
   */
  String hungUpBy(boolean inbound, boolean lost, boolean platformAsked, boolean endedWithCause) {
    String farEnd = inbound ? "caller" : "callee";
    if (lost || RECONCILED_DISPOSITION.equals(disposition)) {
      return "platform";
    }
    if (disposition != null && disposition.startsWith("recv_")) {
      return farEnd;
    }
    if (disposition != null && disposition.startsWith("send_")) {
      return "platform";
    }
    if (platformAsked) {
      return "platform";
    }
    return endedWithCause ? farEnd : null;
  }
}
