package io.irisx.temporal.ops;

import com.codahale.metrics.health.HealthCheck;
import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * Temporal's frontend answers its gRPC health check: without it the API starts no call and the
 * worker runs no workflow or activity. Both processes register it as {@code temporal}.
 */
public final class TemporalHealthCheck extends HealthCheck {
  private final WorkflowServiceStubs service;

  public TemporalHealthCheck(WorkflowServiceStubs service) {
    this.service = service;
  }

  @Override
  protected Result check() {
    HealthCheckResponse.ServingStatus status = service.healthCheck().getStatus();
    return status == HealthCheckResponse.ServingStatus.SERVING
        ? Result.healthy()
        : Result.unhealthy("Temporal frontend is " + status);
  }
}
