package io.irisx.activities.esl;

/**
 * Receives the switch's events. Events of one channel arrive one at a time and in the order the
 * switch fired them; events of different channels may arrive concurrently.
 */
@FunctionalInterface
public interface SwitchEventListener {
  void onEvent(SwitchEvent event);
}
