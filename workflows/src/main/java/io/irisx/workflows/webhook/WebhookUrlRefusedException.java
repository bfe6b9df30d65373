package io.irisx.workflows.webhook;

/** An endpoint URL the address policy does not allow; the message says why, never with secrets. */
public final class WebhookUrlRefusedException extends RuntimeException {
  private final boolean mayPassLater;

  public WebhookUrlRefusedException(String reason) {
    this(reason, false);
  }

  private WebhookUrlRefusedException(String reason, boolean mayPassLater) {
    super(reason, null, false, false);
    this.mayPassLater = mayPassLater;
  }

  /** The host does not resolve now: name service trouble passes, so a delivery retries. */
  static WebhookUrlRefusedException unresolved(String host) {
    return new WebhookUrlRefusedException("the host " + host + " does not resolve", true);
  }

  /**
   * False when the URL itself or the addresses it resolves to are refused: retrying cannot help,
   * and a delivery ends {@code failed} at once.
   */
  public boolean mayPassLater() {
    return mayPassLater;
  }
}
