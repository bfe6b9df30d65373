package io.irisx.worker.health;

import com.codahale.metrics.health.HealthCheck;
import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;

/** Temporal's frontend answers its gRPC health check: without it no workflow or activity runs. */
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
