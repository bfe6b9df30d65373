package io.irisx.activities.esl.simulator;

import java.nio.charset.StandardCharsets;

/**
 * The exact bytes mod_event_socket writes for each frame type. Header order matters to
 * byte-for-byte clients: api/response puts Content-Type first, events put Content-Length first.
 */
final class ServerFrames {
  static final String GOODBYE =
      "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

  private ServerFrames() {}

  static byte[] authRequest() {
    return ascii("Content-Type: auth/request\n\n");
  }

  static byte[] commandReply(String replyText) {
    return ascii("Content-Type: command/reply\nReply-Text: " + replyText + "\n\n");
  }

  static byte[] backgroundJobAccepted(String jobUuid) {
    return ascii(
        "Content-Type: command/reply\nReply-Text: +OK Job-UUID: "
            + jobUuid
            + "\nJob-UUID: "
            + jobUuid
            + "\n\n");
  }

  static byte[] apiResponse(String body) {
    byte[] payload = body.getBytes(StandardCharsets.UTF_8);
    return join(
        ascii("Content-Type: api/response\nContent-Length: " + payload.length + "\n\n"), payload);
  }

  static byte[] disconnectNotice(String message) {
    byte[] payload = message.getBytes(StandardCharsets.UTF_8);
    return join(
        ascii("Content-Type: text/disconnect-notice\nContent-Length: " + payload.length + "\n\n"),
        payload);
  }

  static byte[] event(SimulatedEvent event, EventFormat format) {
    String payloadText = format == EventFormat.JSON ? event.jsonPayload() : event.plainPayload();
    byte[] payload = payloadText.getBytes(StandardCharsets.UTF_8);
    return join(
        ascii(
            "Content-Length: "
                + payload.length
                + "\nContent-Type: text/event-"
                + format.wireName()
                + "\n\n"),
        payload);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] join(byte[] head, byte[] tail) {
    byte[] all = new byte[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
