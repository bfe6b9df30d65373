package io.irisx.client;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a PATCH (JSON merge patch): the fields set are replaced, a field set to null is
 * cleared, a field left out is kept. Immutable once built.
 */
public abstract class JsonPatch {
  private final Map<String, Object> fields;

  protected JsonPatch(Map<String, Object> fields) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The fields as they are sent. */
  @JsonAnyGetter
  public Map<String, Object> fields() {
    return fields;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + fields;
  }
}
