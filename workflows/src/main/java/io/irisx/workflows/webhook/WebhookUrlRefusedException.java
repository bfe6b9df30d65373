package io.irisx.workflows.webhook;

/** An endpoint URL the address policy does not allow; the message says why, never with secrets. */
public final class WebhookUrlRefusedException extends RuntimeException {
  public WebhookUrlRefusedException(String reason) {
    super(reason, null, false, false);
  }
}
