package io.irisx.temporal.ops;

import com.codahale.metrics.MetricRegistry;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

/**
 * The metrics of one IRISX process, scraped by Prometheus at {@code /metrics} on the admin port:
 * the process's Dropwizard registry (HTTP requests and responses, JVM, connection pools, health
 * checks' timings), the Temporal SDK's metrics (through its Micrometer reporter) and IRISX's own
 * meters, which code registers on {@link #registry()}. One text exposition holds them all.
 */
public final class ProcessMetrics implements AutoCloseable {
  /** How often the SDK's Tally scope hands its values to Micrometer. */
  private static final com.uber.m3.util.Duration REPORT_EVERY =
      com.uber.m3.util.Duration.ofSeconds(1);

  private final PrometheusMeterRegistry registry;
  private final Scope temporalScope;

  public ProcessMetrics(MetricRegistry dropwizard) {
    CollectorRegistry prometheus = new CollectorRegistry(true);
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, prometheus, Clock.SYSTEM);
    new DropwizardExports(dropwizard).register(prometheus);
    this.temporalScope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(REPORT_EVERY);
  }

  /** Where IRISX's own meters go. */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Hand this to {@code TemporalConnection.open}: the SDK reports its client and worker metrics
   * here.
   */
  public Scope temporalScope() {
    return temporalScope;
  }

  /** The Prometheus text exposition (format 0.0.4) of everything. */
  public String scrape() {
    return registry.scrape();
  }

  public MetricsServlet servlet() {
    return new MetricsServlet(this);
  }

  @Override
  public void close() {
    try {
      temporalScope.close();
    } catch (com.uber.m3.tally.ScopeCloseException e) {
      // Nothing left to report to: the process is stopping.
    }
    registry.close();
  }
}
