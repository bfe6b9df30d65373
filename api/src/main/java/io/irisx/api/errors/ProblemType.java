package io.irisx.api.errors;

import jakarta.ws.rs.core.Response.Status;
import java.net.URI;

/** The problem types the API answers with; the README's error table lists the same ones. */
public enum ProblemType {
  MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
  UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
  NOT_FOUND(404, "not-found", "Not found"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  VALIDATION_ERROR(422, "validation-error", "Invalid request"),
  UNKNOWN_FLOW(422, "unknown-flow", "Unknown flow"),
  TEMPORAL_UNAVAILABLE(503, "temporal-unavailable", "Call could not be started");

  static final String BASE_URI = "https://irisx.io/problems/";

  private final int status;
  private final URI type;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.type = URI.create(BASE_URI + slug);
    this.title = title;
  }

  public int status() {
    return status;
  }

  public URI type() {
    return type;
  }

  public String title() {
    return title;
  }

  /** A problem of this type about the request at {@code instance}. */
  public Problem problem(String detail, String instance) {
    return new Problem(type.toString(), title, status, detail, instance, null);
  }

  /** The generic problem for a status with no type of its own (RFC 9457 {@code about:blank}). */
  static Problem generic(int status, String detail, String instance) {
    Status known = Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    return new Problem("about:blank", title, status, detail, instance, null);
  }
}
