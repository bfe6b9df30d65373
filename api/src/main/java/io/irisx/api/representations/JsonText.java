package io.irisx.api.representations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** JSON text as the database holds it (jsonb columns read as text) to and from Java values. */
public final class JsonText {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonText() {}

  public static Map<String, Object> object(String json) {
    return read(json == null ? "{}" : json, new TypeReference<>() {});
  }

  public static List<String> strings(String json) {
    return read(json == null ? "[]" : json, new TypeReference<>() {});
  }

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not representable as JSON", e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the database holds JSON we cannot read", e);
    }
  }
}
