package io.irisx.worker;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.irisx.temporal.TemporalSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

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
}
