package io.irisx.worker.bench;

import io.irisx.temporal.cost.HistoryCost;
import java.util.List;

/**
 * What one webhook bench measured; the JSON under target/bench/ is this record.
 *
 * @param eventToFirstAttempt from the publisher being handed an event to its first request reaching
 *     the receiver
 * @param publishedPerSecond events published over the time from the first to the last publish
 * @param deliveredPerSecond first attempts received over the time from the first publish to the
 *     last arrival: at full speed ({@code perSecond} 0), what the worker sustains
 * @param succeededRows {@code webhook_deliveries} rows of these events marked succeeded
 * @param shape the delivery shape published into ({@link WebhookShape})
 * @param costedEvents events of the calls whose webhook workflows were read after the run
 * @param costedWorkflows workflow executions (runs) read for them
 * @param cost what those executions cost together, by {@link HistoryCost}
 */
public record WebhookBenchResult(
    String backend,
    String temporalServer,
    String startedAt,
    int events,
    int eventsPerCall,
    int perSecond,
    int concurrency,
    String shape,
    double loadAverageBefore,
    double loadAverageAfter,
    double seconds,
    int published,
    int received,
    int succeededRows,
    double publishedPerSecond,
    double deliveredPerSecond,
    Latency publish,
    Latency eventToFirstAttempt,
    int costedEvents,
    int costedWorkflows,
    HistoryCost cost,
    List<String> notes) {

  boolean lossless() {
    return published == events && received == published && succeededRows == published;
  }
}
