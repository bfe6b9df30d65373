package io.irisx.workflows.webhook;

/** Where a delivery stands; the wire names are those of {@code webhook_deliveries.status}. */
public enum DeliveryStatus {
  PENDING("pending"),
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  CANCELED("canceled");

  private final String wireName;

  DeliveryStatus(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean isFinal() {
    return this != PENDING;
  }

  public static DeliveryStatus fromWireName(String name) {
    for (DeliveryStatus status : values()) {
      if (status.wireName.equals(name)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown delivery status " + name);
  }
}
