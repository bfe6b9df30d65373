package io.irisx.activities.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EslLinkPolicyTest {

  @Test
  void backoffStartsAt250MillisAndDoublesUpTo10Seconds() {
    EslLinkPolicy policy = EslLinkPolicy.defaults();

    assertThat(policy.backoff(0)).isEqualTo(Duration.ofMillis(250));
    assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoff(5)).isEqualTo(Duration.ofSeconds(8));
    assertThat(policy.backoff(6)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void nonsensicalPoliciesAreRefused() {
    assertThatThrownBy(
            () -> new EslLinkPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new EslLinkPolicy(
                    Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EslLinkPolicy.defaults().withHeartbeatTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
