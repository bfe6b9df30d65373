package io.irisx.api.calls;

import io.irisx.api.Contract;
import io.irisx.api.errors.FieldError;
import io.irisx.api.errors.ProblemException;
import io.irisx.db.CallFilter;
import io.irisx.workflows.call.PhoneNumber;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads the filter query parameters of {@code GET /v1/calls} and its export; all optional. */
public final class CallListFilters {
  private static final Set<String> STATUSES =
      Set.of(
          "queued",
          "ringing",
          "in-progress",
          "completed",
          "busy",
          "no-answer",
          "failed",
          "canceled");
  private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");
  private static final int MAX_FLOW = 100;

  private final List<FieldError> errors = new ArrayList<>();

  private CallListFilters() {}

  /**
   * @param createdFrom ISO-8601 instant, inclusive
   * @param createdTo ISO-8601 instant, exclusive; at or before createdFrom, nothing matches (an
   *     empty page, not an error)
   */
  public static CallFilter parse(
      UUID tenantId,
      @Nullable String status,
      @Nullable String direction,
      @Nullable String from,
      @Nullable String to,
      @Nullable String flow,
      String createdFromName,
      @Nullable String createdFrom,
      String createdToName,
      @Nullable String createdTo) {
    CallListFilters reader = new CallListFilters();
    String s = reader.oneOf("status", status, STATUSES);
    String d = reader.oneOf("direction", direction, DIRECTIONS);
    String f = reader.e164("from", from);
    String t = reader.e164("to", to);
    String fl = empty(flow) ? null : flow;
    if (fl != null && fl.codePointCount(0, fl.length()) > MAX_FLOW) {
      reader.errors.add(new FieldError("flow", "must be at most " + MAX_FLOW + " characters"));
    }
    Instant after = reader.instant(createdFromName, createdFrom);
    Instant before = reader.instant(createdToName, createdTo);
    if (!reader.errors.isEmpty()) {
      throw ProblemException.validation(reader.errors);
    }
    return new CallFilter(tenantId, s, d, f, t, fl, after, before);
  }

  private @Nullable String oneOf(String field, @Nullable String value, Set<String> allowed) {
    if (empty(value)) {
      return null;
    }
    if (!allowed.contains(value)) {
      errors.add(
          new FieldError(
              field, "must be one of " + String.join(", ", allowed.stream().sorted().toList())));
    }
    return value;
  }

  private @Nullable String e164(String field, @Nullable String value) {
    if (empty(value)) {
      return null;
    }
    if (!PhoneNumber.isE164(value)) {
      errors.add(
          new FieldError(field, "must be an E.164 number such as +15550100 (+ as %2B in a URL)"));
    }
    return value;
  }

  private @Nullable Instant instant(String field, @Nullable String value) {
    if (empty(value)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be an ISO-8601 time such as 2026-11-24T16:40:00Z"));
      return null;
    }
  }

  @Contract("null -> true")
  private static boolean empty(@Nullable String value) {
    return value == null || value.isEmpty();
  }
}
