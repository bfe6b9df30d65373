package io.irisx.activities.esl;

/**
 * Receives the switch's events. Events of one channel arrive one at a time and in the order the
 * switch fired them; events of different channels may arrive concurrently.
 */
@FunctionalInterface
public interface SwitchEventListener {
  void onEvent(SwitchEvent event);

  /**
   * Called after the link came back and the channels believed alive were checked against the
   * switch. The synthetic hangups of the vanished channels have already been queued for {@link
   * #onEvent}, each in its channel's order.
   */
  default void onLinkRestored(LinkReconciliation reconciliation) {}
}
