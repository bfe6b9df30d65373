package io.irisx.worker;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.irisx.temporal.TemporalSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

public class IrisxWorkerConfiguration extends Configuration {
  @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();
  @Valid @NotNull private TemporalSettings temporal;
  @Valid @NotNull private RedisSettings redis;
  @Valid @NotNull private NodeSettings node;

  @JsonProperty
  public DataSourceFactory getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(DataSourceFactory database) {
    this.database = database;
  }

  @JsonProperty
  public TemporalSettings getTemporal() {
    return temporal;
  }

  @JsonProperty
  public void setTemporal(TemporalSettings temporal) {
    this.temporal = temporal;
  }

  @JsonProperty
  public RedisSettings getRedis() {
    return redis;
  }

  @JsonProperty
  public void setRedis(RedisSettings redis) {
    this.redis = redis;
  }

  @JsonProperty
  public NodeSettings getNode() {
    return node;
  }

  @JsonProperty
  public void setNode(NodeSettings node) {
    this.node = node;
  }

  /** Endpoint URL rules and delivery timeouts; the defaults are production's (https only). */
  @NotNull
  private io.irisx.workflows.webhook.WebhookSettings webhooks =
      io.irisx.workflows.webhook.WebhookSettings.production();

  @JsonProperty
  public io.irisx.workflows.webhook.WebhookSettings getWebhooks() {
    return webhooks;
  }

  @JsonProperty
  public void setWebhooks(io.irisx.workflows.webhook.WebhookSettings webhooks) {
    this.webhooks = webhooks;
  }

  /** Recording directory, S3 and retention; without it this worker runs no recording activities. */
  @jakarta.validation.Valid private @Nullable RecordingSettings recordings;

  @JsonProperty
  public @Nullable RecordingSettings getRecordings() {
    return recordings;
  }

  @JsonProperty
  public void setRecordings(@Nullable RecordingSettings recordings) {
    this.recordings = recordings;
  }

  /** How the worker stops on SIGTERM: drain delay, then the bounded wait for running activities. */
  /** Workflow cache, threads and concurrency of this worker; see {@link WorkerTuning}. */
  @NotNull private WorkerTuning workerTuning = WorkerTuning.defaults();

  @JsonProperty
  public WorkerTuning getWorkerTuning() {
    return workerTuning;
  }

  @JsonProperty
  public void setWorkerTuning(WorkerTuning workerTuning) {
    this.workerTuning = workerTuning;
  }

  @NotNull
  private io.irisx.temporal.ops.ShutdownSettings shutdown =
      io.irisx.temporal.ops.ShutdownSettings.defaults();

  @JsonProperty
  public io.irisx.temporal.ops.ShutdownSettings getShutdown() {
    return shutdown;
  }

  @JsonProperty
  public void setShutdown(io.irisx.temporal.ops.ShutdownSettings shutdown) {
    this.shutdown = shutdown;
  }
}
