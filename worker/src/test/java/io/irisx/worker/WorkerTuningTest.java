package io.irisx.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.worker.WorkerFactoryOptions;
import org.junit.jupiter.api.Test;

/**
 * Unset tuning fields take IRISX's defaults (10,000 calls on virtual threads); nonsense is refused.
 */
class WorkerTuningTest {
  @Test
  void unsetFieldsTakeTheDefaultsAndReachTheSdkOptions() {
    WorkerTuning tuning = new WorkerTuning(null, 2_000, null, null, null, null, null);
    assertThat(tuning).isEqualTo(new WorkerTuning(10_000, 2_000, true, 1_000, 200, 16, 8));

    WorkerFactoryOptions factory = tuning.applyTo(WorkerFactoryOptions.newBuilder()).build();
    assertThat(factory.getWorkflowCacheSize()).isEqualTo(10_000);
    assertThat(factory.getMaxWorkflowThreadCount()).isEqualTo(2_000);
    assertThat(factory.isUsingVirtualWorkflowThreads()).isTrue();
    assertThat(tuning.workerOptions().getMaxConcurrentActivityExecutionSize()).isEqualTo(1_000);
    assertThat(tuning.workerOptions().getMaxConcurrentWorkflowTaskPollers()).isEqualTo(16);
    assertThat(tuning.workerOptions().getMaxConcurrentActivityTaskPollers()).isEqualTo(8);
    assertThat(WorkerTuning.sdkDefaults().virtualThreads()).isFalse();
    assertThat(WorkerTuning.sdkDefaults().workerOptions().getMaxConcurrentWorkflowTaskPollers())
        .isEqualTo(5);
  }

  @Test
  void oneWorkflowTaskPollerIsRefused() {
    // One would have to serve both the shared queue and the sticky queue.
    assertThatThrownBy(() -> new WorkerTuning(null, null, null, null, null, 1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workflowTaskPollers");
  }

  @Test
  void aZeroSizeIsRefused() {
    assertThatThrownBy(() -> new WorkerTuning(0, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workflowCacheSize");
  }
}
