package io.irisx.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JavaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What every resource of the client shares: its requests, through one {@link Transport}. */
abstract class Resource {
  private final Transport transport;

  Resource(Transport transport) {
    this.transport = transport;
  }

  /** The body of a list page, as the API sends it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PageBody<T>(@Nullable List<T> data, @Nullable String nextCursor) {}

  /** The body of a short list ({@code {"data": [...]}}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ListBody<T>(@Nullable List<T> data) {}

  <T> ApiResponse<T> send(String method, String path, @Nullable Object body, Class<T> type) {
    return send(method, path, Map.of(), body, type);
  }

  <T> ApiResponse<T> send(
      String method, String path, Map<String, String> query, @Nullable Object body, Class<T> type) {
    return transport.send(method, path, query, body, type(type));
  }

  <T> T doGet(String path, Class<T> type) {
    return bodyOf(send("GET", path, null, type), "GET", path);
  }

  <T> T doPost(String path, @Nullable Object body, Class<T> type) {
    return bodyOf(send("POST", path, body, type), "POST", path);
  }

  <T> T doPatch(String path, Object body, Class<T> type) {
    return bodyOf(send("PATCH", path, body, type), "PATCH", path);
  }

  void doDelete(String path) {
    send("DELETE", path, null, Void.class);
  }

  <T> List<T> list(String path, Class<T> item) {
    JavaType type = transport.json().getTypeFactory().constructParametricType(ListBody.class, item);
    ListBody<T> body = transport.<ListBody<T>>send("GET", path, Map.of(), null, type).body();
    List<T> data = body == null ? null : body.data();
    return data == null ? List.of() : List.copyOf(data);
  }

  /** The first page of {@code path} with {@code query}; later pages add the cursor. */
  <T> Page<T> page(String path, Map<String, String> query, Class<T> item) {
    JavaType type = transport.json().getTypeFactory().constructParametricType(PageBody.class, item);
    return fetch(path, query, null, type);
  }

  private <T> Page<T> fetch(
      String path, Map<String, String> query, @Nullable String cursor, JavaType type) {
    Map<String, String> withCursor = new LinkedHashMap<>(query);
    if (cursor != null) {
      withCursor.put("cursor", cursor);
    }
    PageBody<T> body =
        bodyOf(transport.<PageBody<T>>send("GET", path, withCursor, null, type), "GET", path);
    List<T> data = body.data();
    return new Page<>(
        data == null ? List.of() : data, body.nextCursor(), next -> fetch(path, query, next, type));
  }

  static Map<String, String> limit(@Nullable Integer limit) {
    return limit == null ? Map.of() : Map.of("limit", limit.toString());
  }

  /** A path segment from an id: encoded, so an id never changes the path. */
  static String segment(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("an id is required");
    }
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The answer's body, which this operation always has: an answer without one is not the API's. */
  static <T> T bodyOf(ApiResponse<T> response, String method, String path) {
    T body = response.body();
    if (body == null) {
      throw new IrisxException(
          "the API's answer to " + method + " " + path + " (" + response.status() + ") has no body",
          null);
    }
    return body;
  }

  private JavaType type(Class<?> type) {
    return transport.json().getTypeFactory().constructType(type);
  }
}
