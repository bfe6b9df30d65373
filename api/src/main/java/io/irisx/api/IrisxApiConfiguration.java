package io.irisx.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.irisx.temporal.TemporalSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The API's YAML: {@code database}, {@code temporal} and {@code calls}, besides Dropwizard's own. */
public class IrisxApiConfiguration extends Configuration {
  @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();

  @NotNull private TemporalSettings temporal;

  @Valid @NotNull private CallSettings calls = new CallSettings();

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
}
