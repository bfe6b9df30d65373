package io.irisx.worker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sticky-cache figures are read from the worker's Prometheus text, whatever its labels. */
class WorkerMetricsTest {
  @Test
  void cacheFiguresAreSummedOverLabelsAndMissingOnesAreNull() {
    String text =
        """
        # TYPE temporal_sticky_cache_size gauge
        temporal_sticky_cache_size{namespace="default",worker_type="WorkflowWorker"} 600.0
        temporal_sticky_cache_total_forced_eviction_total{namespace="default",task_queue="irisx-calls"} 12.0
        temporal_sticky_cache_total_forced_eviction_total{namespace="default",task_queue="other"} 3.0
        temporal_sticky_cache_size_other 99
        temporal_sticky_cache_miss_total{namespace="default"} 4.0
        """;
    BenchResult.WorkerCache cache = WorkerMetrics.parse(text);
    assertThat(cache.size()).isEqualTo(600.0);
    assertThat(cache.evictions()).isEqualTo(15.0);
    assertThat(cache.misses()).isEqualTo(4.0);
    assertThat(cache.hits()).isNull();
    assertThat(WorkerMetrics.parse("").size()).isNull();
  }
}
