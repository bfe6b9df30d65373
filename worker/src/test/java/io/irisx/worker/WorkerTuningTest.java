package io.irisx.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.worker.WorkerFactoryOptions;
import org.junit.jupiter.api.Test;

/** Unset tuning fields take IRISX's defaults (10,000 calls on virtual threads); nonsense is refused. */
class WorkerTuningTest {
  @Test
  void unsetFieldsTakeTheDefaultsAndReachTheSdkOptions() {
    WorkerTuning tuning = new WorkerTuning(null, 2_000, null, null, null);
    assertThat(tuning).isEqualTo(new WorkerTuning(10_000, 2_000, true, 1_000, 200));

    WorkerFactoryOptions factory = tuning.applyTo(WorkerFactoryOptions.newBuilder()).build();
    assertThat(factory.getWorkflowCacheSize()).isEqualTo(10_000);
    assertThat(factory.getMaxWorkflowThreadCount()).isEqualTo(2_000);
    assertThat(factory.isUsingVirtualWorkflowThreads()).isTrue();
    assertThat(tuning.workerOptions().getMaxConcurrentActivityExecutionSize()).isEqualTo(1_000);
    assertThat(WorkerTuning.sdkDefaults().virtualThreads()).isFalse();
  }

  @Test
  void aZeroSizeIsRefused() {
    assertThatThrownBy(() -> new WorkerTuning(0, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workflowCacheSize");
  }
}
