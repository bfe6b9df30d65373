package io.irisx.api.errors;

import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** The problem types the API answers with; docs/api.md's error table lists the same ones. */
public enum ProblemType {
  MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
  UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
  NOT_FOUND(404, "not-found", "Not found"),
  REQUEST_TOO_LARGE(413, "request-too-large", "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  VALIDATION_ERROR(422, "validation-error", "Invalid request"),
  UNKNOWN_FLOW(422, "unknown-flow", "Unknown flow"),
  TEMPORAL_UNAVAILABLE(503, "temporal-unavailable", "Call could not be started"),
  CALL_START_REFUSED(422, "call-start-refused", "Temporal refused the call's request"),
  CALL_OUTCOME_UNKNOWN(503, "call-outcome-unknown", "Whether the call started is not known yet"),
  SERVICE_UNAVAILABLE(503, "service-unavailable", "A service the API needs does not answer"),
  AUTHENTICATION_THROTTLED(429, "authentication-throttled", "Too many failed authentications"),
  INSUFFICIENT_SCOPE(403, "insufficient-scope", "Insufficient scope"),
  PHONE_NUMBER_TAKEN(409, "phone-number-taken", "Phone number taken"),
  IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key reused"),
  IDEMPOTENCY_KEY_IN_USE(409, "idempotency-key-in-use", "Idempotent request in progress"),
  RATE_LIMITED(429, "rate-limited", "Too many requests"),
  RATE_LIMITER_UNAVAILABLE(503, "rate-limiter-unavailable", "Rate limiter unavailable"),
  WEBHOOK_URL_REFUSED(422, "webhook-url-refused", "Webhook URL refused"),
  DELIVERY_IN_PROGRESS(409, "delivery-in-progress", "Delivery in progress"),
  REDELIVERY_UNAVAILABLE(503, "redelivery-unavailable", "Redelivery could not be started"),
  CALL_STATE_CONFLICT(409, "call-state-conflict", "Not possible in the call's current state"),
  CALL_CONTROL_UNAVAILABLE(503, "call-control-unavailable", "The call could not be reached"),
  CALL_LIMIT_REACHED(429, "call-limit-reached", "Tenant call limit reached"),
  CALL_ADMISSION_UNAVAILABLE(503, "call-admission-unavailable", "Call limits cannot be checked"),
  LOGIN_FAILED(401, "login-failed", "Log-in failed"),
  LOGIN_THROTTLED(429, "login-throttled", "Too many failed log-ins"),
  ROLE_FORBIDDEN(403, "role-forbidden", "Not allowed for this role"),
  CSRF_REJECTED(403, "csrf-rejected", "Cross-site request refused"),
  EMAIL_TAKEN(409, "email-taken", "Email already has an account"),
  LAST_ADMIN(409, "last-admin", "A tenant keeps one admin"),
  NOT_INVITED(409, "not-invited", "Not an invitation");

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
  public Problem problem(@Nullable String detail, @Nullable String instance) {
    return new Problem(type.toString(), title, status, detail, instance, null, null);
  }

  /** The generic problem for a status with no type of its own (RFC 9457 {@code about:blank}). */
  static Problem generic(int status, @Nullable String detail, @Nullable String instance) {
    Status known = Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    return new Problem("about:blank", title, status, detail, instance, null, null);
  }
}
