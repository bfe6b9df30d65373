package io.irisx.worker;

import com.codahale.metrics.health.HealthCheck;
import io.irisx.activities.esl.EslConnection;

/**
 * Healthy while the event socket to this worker's FreeSWITCH node is connected and authenticated.
 */
final class EslLinkHealthCheck extends HealthCheck {
  private final EslConnection esl;

  EslLinkHealthCheck(EslConnection esl) {
    this.esl = esl;
  }

  @Override
  protected Result check() {
    String problem = esl.problem();
    return problem == null ? Result.healthy() : Result.unhealthy("ESL link down: " + problem);
  }
}
