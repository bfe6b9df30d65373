package io.irisx.activities.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Each channel's events reach the listener in the order they were dispatched, whatever the others
 * do.
 */
class OrderedDispatcherTest {

  @Test
  void eventsOfOneChannelKeepTheirOrderWhileChannelsRunInParallel() {
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    AtomicInteger delivered = new AtomicInteger();
    SwitchEventListener slowAndUneven =
        event -> {
          LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(0, 200_000));
          seen.computeIfAbsent(
                  event.header("Unique-ID"),
                  k -> java.util.Collections.synchronizedList(new ArrayList<>()))
              .add(Integer.parseInt(event.header("Event-Sequence")));
          delivered.incrementAndGet();
        };
    try (OrderedDispatcher dispatcher = new OrderedDispatcher("test", 4, slowAndUneven)) {
      for (int sequence = 0; sequence < 2000; sequence++) {
        String channel = "channel-" + (sequence % 25);
        dispatcher.dispatch(
            channel,
            new SwitchEvent(
                "DTMF",
                Map.of("Unique-ID", channel, "Event-Sequence", Integer.toString(sequence)),
                null));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> delivered.get() == 2000);
    }

    assertThat(seen).hasSize(25);
    seen.values().forEach(sequences -> assertThat(sequences).isSorted().hasSize(80));
  }
}
