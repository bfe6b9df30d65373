package io.irisx.activities.esl.simulator;

/**
 * An originate that FreeSWITCH refuses before any channel exists; the message is the api reply
 * body.
 */
final class OriginateRefusal extends Exception {
  static final String USAGE =
      "-USAGE: <call url> <exten>|&<application_name>(<app_args>) [<dialplan>] [<context>] [<cid_name>] [<cid_num>]"
          + " [<timeout_sec>]\n";

  OriginateRefusal(String replyBody) {
    super(replyBody, null, false, false);
  }

  String replyBody() {
    return getMessage();
  }
}
