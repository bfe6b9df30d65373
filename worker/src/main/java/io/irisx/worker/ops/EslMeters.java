package io.irisx.worker.ops;

import io.irisx.activities.esl.EslConnection;
import io.irisx.activities.esl.EslObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The ESL link's meters, tagged with the node: {@code irisx_esl_link_up} (1 while connected),
 * {@code irisx_esl_events_total} by event name (rate() gives events per second), {@code
 * irisx_esl_command_seconds} by kind and command (a histogram: latency percentiles per command),
 * and {@code irisx_calls_up}, the channels IRISX believes alive on the node.
 */
public final class EslMeters implements EslObserver {
  /** The commands IRISX sends; anything else is counted as "other" to keep the tag set small. */
  private static final Set<String> KNOWN_COMMANDS =
      Set.of(
          "originate",
          "uuid_answer",
          "uuid_broadcast",
          "uuid_break",
          "uuid_send_dtmf",
          "uuid_kill",
          "uuid_exists",
          "uuid_setvar",
          "uuid_record",
          "uuid_transfer",
          "uuid_bridge",
          "show",
          "status");

  private final MeterRegistry registry;
  private final String nodeId;
  private final Map<String, Counter> events = new ConcurrentHashMap<>();
  private final Map<String, Timer> commands = new ConcurrentHashMap<>();

  public EslMeters(MeterRegistry registry, String nodeId) {
    this.registry = registry;
    this.nodeId = nodeId;
  }

  /** The gauges read the connection; call once it exists. */
  public void bind(EslConnection esl) {
    Gauge.builder("irisx_esl_link_up", esl, connection -> connection.isConnected() ? 1 : 0)
        .description("1 while the event socket to the node is connected and authenticated")
        .tag("node", nodeId)
        .register(registry);
    Gauge.builder("irisx_calls_up", esl, EslConnection::channelsUp)
        .description("Channels IRISX believes alive on the node (created, not yet hung up)")
        .tag("node", nodeId)
        .register(registry);
    // Present from the start, so rate() sees the first events of each kind that matters.
    for (String name : new String[] {"CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE", "HEARTBEAT"}) {
      eventCounter(name);
    }
  }

  @Override
  public void eventReceived(String eventName) {
    eventCounter(eventName == null ? "UNKNOWN" : eventName).increment();
  }

  @Override
  public void commandCompleted(String kind, String command, long nanos, boolean answered) {
    String name = command == null ? "other" : command.toLowerCase(Locale.ROOT);
    String tagged = KNOWN_COMMANDS.contains(name) ? name : "other";
    commands
        .computeIfAbsent(
            kind + " " + tagged + " " + answered,
            key ->
                Timer.builder("irisx_esl_command")
                    .description("Round trip of ESL commands to the node")
                    .tag("node", nodeId)
                    .tag("kind", kind)
                    .tag("command", tagged)
                    .tag("answered", Boolean.toString(answered))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(15))
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private Counter eventCounter(String name) {
    return events.computeIfAbsent(
        name,
        event ->
            Counter.builder("irisx_esl_events")
                .description("Events received from the node, by event name")
                .tag("node", nodeId)
                .tag("event", event)
                .register(registry));
  }
}
