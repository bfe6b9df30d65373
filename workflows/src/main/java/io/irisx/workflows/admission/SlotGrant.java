package io.irisx.workflows.admission;

/**
 * Whether a call got a slot; if not, why ({@code rate}, {@code concurrency} or {@code queue}) and
 * when trying again could succeed.
 */
public record SlotGrant(boolean granted, String refusedBy, long retryAfterMillis) {
  public static SlotGrant yes() {
    return new SlotGrant(true, null, 0);
  }
}
