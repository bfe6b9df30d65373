package io.irisx.worker.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One {@code ./irisx bench webhooks} run.
 *
 * @param events how many call events to publish
 * @param eventsPerCall events per (made-up) call, published in sequence: a call's events reach an
 *     endpoint in order, so later ones wait for earlier ones as they would for a real call
 * @param perSecond events published per second; 0 means as fast as {@code concurrency} calls'
 *     publishers in flight allow (to find the deliveries per second the worker sustains)
 * @param shape what the events are published into: production's shape, or the older one
 * @param drain how long to wait, after the last event was published, for the deliveries
 */
public record WebhookBenchOptions(
    int events,
    int eventsPerCall,
    int perSecond,
    int concurrency,
    WebhookShape shape,
    Duration drain,
    BenchBackend backend,
    String temporalTarget,
    boolean reuse,
    Path outputDir) {

  public WebhookBenchOptions {
    if (events < 1 || eventsPerCall < 1 || perSecond < 0 || concurrency < 1) {
      throw new IllegalArgumentException(
          "need --events >= 1, --per-call >= 1, --cps >= 0, --concurrency >= 1");
    }
  }

  int calls() {
    return (events + eventsPerCall - 1) / eventsPerCall;
  }

  /** Calls started per second, so that their events come at {@code perSecond}. */
  int callsPerSecond() {
    return perSecond == 0 ? 0 : Math.max(1, perSecond / eventsPerCall);
  }
}
