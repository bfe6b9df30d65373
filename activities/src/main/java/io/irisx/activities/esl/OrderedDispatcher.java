package io.irisx.activities.esl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to the listener off the socket's I/O thread, keeping one channel's events in order:
 * every key (a channel's Unique-ID) always lands on the same single-threaded lane, while different
 * channels proceed in parallel. A slow listener call (a Temporal signal) never stalls the socket.
 */
final class OrderedDispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OrderedDispatcher.class);

  private final List<ExecutorService> lanes = new ArrayList<>();
  private final SwitchEventListener listener;

  OrderedDispatcher(String name, int laneCount, SwitchEventListener listener) {
    this.listener = listener;
    for (int i = 0; i < laneCount; i++) {
      lanes.add(
          Executors.newSingleThreadExecutor(
              Thread.ofPlatform().daemon().name(name + "-" + i).factory()));
    }
  }

  void dispatch(String key, SwitchEvent event) {
    int lane = Math.floorMod(key == null ? 0 : key.hashCode(), lanes.size());
    lanes.get(lane).execute(() -> deliver(event));
  }

  private void deliver(SwitchEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      log.warn("listener failed on {} for channel {}", event.name(), event.header("Unique-ID"), e);
    }
  }

  @Override
  public void close() {
    lanes.forEach(ExecutorService::shutdown);
    for (ExecutorService lane : lanes) {
      try {
        lane.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
