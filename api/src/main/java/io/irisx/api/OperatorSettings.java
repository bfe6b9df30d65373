package io.irisx.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;

/**
 * The operator's credential for {@code /v1/admin}: one shared key from configuration. Without a key
 * the admin endpoints refuse every request.
 */
public class OperatorSettings {
  static final int MIN_KEY_LENGTH = 32;

  private String key = "";

  @JsonProperty
  public String getKey() {
    return key;
  }

  @JsonProperty
  public void setKey(String key) {
    this.key = key == null ? "" : key.strip();
  }

  @JsonIgnore
  public boolean enabled() {
    return !key.isEmpty();
  }

  @JsonIgnore
  @ValidationMethod(
      message = "operator.key must be empty (admin endpoints off) or at least 32 characters")
  public boolean isKeyStrongEnough() {
    return key.isEmpty() || key.length() >= MIN_KEY_LENGTH;
  }

  @Override
  public String toString() {
    // The key never reaches a log.
    return "OperatorSettings[enabled=" + enabled() + "]";
  }
}
