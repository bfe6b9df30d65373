package io.irisx.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.irisx.temporal.TemporalSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The API's YAML: {@code database}, {@code temporal}, {@code calls}, {@code operator}, {@code
 * idempotency} and {@code rateLimit}, besides Dropwizard's own.
 */
public class IrisxApiConfiguration extends Configuration {
  @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();

  @NotNull private TemporalSettings temporal;

  @Valid @NotNull private CallSettings calls = new CallSettings();

  @Valid @NotNull private OperatorSettings operator = new OperatorSettings();

  @Valid @NotNull private IdempotencySettings idempotency = new IdempotencySettings();

  @Valid @NotNull private RateLimitSettings rateLimit = new RateLimitSettings();

  @JsonProperty("database")
  public DataSourceFactory getDatabase() {
    return database;
  }

  @JsonProperty("database")
  public void setDatabase(DataSourceFactory database) {
    this.database = database;
  }

  @JsonProperty("temporal")
  public TemporalSettings getTemporal() {
    return temporal;
  }

  @JsonProperty("temporal")
  public void setTemporal(TemporalSettings temporal) {
    this.temporal = temporal;
  }

  @JsonProperty("calls")
  public CallSettings getCalls() {
    return calls;
  }

  @JsonProperty("calls")
  public void setCalls(CallSettings calls) {
    this.calls = calls;
  }

  @JsonProperty("operator")
  public OperatorSettings getOperator() {
    return operator;
  }

  @JsonProperty("operator")
  public void setOperator(OperatorSettings operator) {
    this.operator = operator;
  }

  @JsonProperty("idempotency")
  public IdempotencySettings getIdempotency() {
    return idempotency;
  }

  @JsonProperty("idempotency")
  public void setIdempotency(IdempotencySettings idempotency) {
    this.idempotency = idempotency;
  }

  @Valid @NotNull private CallLimitSettings callLimits = new CallLimitSettings();

  @JsonProperty("callLimits")
  public CallLimitSettings getCallLimits() {
    return callLimits;
  }

  @JsonProperty("callLimits")
  public void setCallLimits(CallLimitSettings callLimits) {
    this.callLimits = callLimits;
  }

  @JsonProperty("rateLimit")
  public RateLimitSettings getRateLimit() {
    return rateLimit;
  }

  @JsonProperty("rateLimit")
  public void setRateLimit(RateLimitSettings rateLimit) {
    this.rateLimit = rateLimit;
  }

  /** Endpoint URL rules: https only in production mode, and which private addresses are allowed. */
  @NotNull
  private io.irisx.workflows.webhook.WebhookSettings webhooks =
      io.irisx.workflows.webhook.WebhookSettings.production();

  @JsonProperty("webhooks")
  public io.irisx.workflows.webhook.WebhookSettings getWebhooks() {
    return webhooks;
  }

  @JsonProperty("webhooks")
  public void setWebhooks(io.irisx.workflows.webhook.WebhookSettings webhooks) {
    this.webhooks = webhooks;
  }

  /** The recordings bucket, for presigned downloads and deletes; absent: recordings have no url. */
  @Valid private io.irisx.api.recordings.@Nullable RecordingStorageSettings recordings;

  @JsonProperty("recordings")
  public io.irisx.api.recordings.@Nullable RecordingStorageSettings getRecordings() {
    return recordings;
  }

  @JsonProperty("recordings")
  public void setRecordings(io.irisx.api.recordings.@Nullable RecordingStorageSettings recordings) {
    this.recordings = recordings;
  }

  /**
   * How the API stops on SIGTERM: not ready first, then the drain delay, then in-flight requests
   * finish.
   */
  @NotNull
  private io.irisx.temporal.ops.ShutdownSettings shutdown =
      io.irisx.temporal.ops.ShutdownSettings.defaults();

  @JsonProperty("shutdown")
  public io.irisx.temporal.ops.ShutdownSettings getShutdown() {
    return shutdown;
  }

  @JsonProperty("shutdown")
  public void setShutdown(io.irisx.temporal.ops.ShutdownSettings shutdown) {
    this.shutdown = shutdown;
  }

  /** The console's sessions, log-ins and links (see docs/console.md). */
  @Valid @NotNull
  private io.irisx.api.console.ConsoleSettings console = new io.irisx.api.console.ConsoleSettings();

  @JsonProperty("console")
  public io.irisx.api.console.ConsoleSettings getConsole() {
    return console;
  }

  @JsonProperty("console")
  public void setConsole(io.irisx.api.console.ConsoleSettings console) {
    this.console = console;
  }

  /** The port of the first http application connector (8080 when none is configured). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public int applicationPort() {
    if (getServerFactory() instanceof io.dropwizard.core.server.DefaultServerFactory server) {
      return server.getApplicationConnectors().stream()
          .filter(c -> c instanceof io.dropwizard.jetty.HttpConnectorFactory)
          .map(c -> ((io.dropwizard.jetty.HttpConnectorFactory) c).getPort())
          .findFirst()
          .orElse(8080);
    }
    return 8080;
  }
}
