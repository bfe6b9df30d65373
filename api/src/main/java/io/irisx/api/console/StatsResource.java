package io.irisx.api.console;

import io.dropwizard.auth.Auth;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.errors.FieldError;
import io.irisx.api.errors.ProblemException;
import io.irisx.db.console.CallStatsBucket;
import io.irisx.db.console.CallStatsDao;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/stats?from=&to=}: the console's overview over a range (default: the last hour; at
 * most 90 days). The bucket grows with the range so a chart has at most about 120 points: a minute
 * up to two hours, then five and fifteen minutes, an hour, six hours, a day.
 */
@Path("/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public final class StatsResource {
  static final Duration MAX_RANGE = Duration.ofDays(90);
  private static final int[] BUCKETS = {60, 300, 900, 3600, 21600, 86400};
  private static final int MAX_POINTS = 120;

  private final CallStatsDao stats;
  private final Clock clock;

  public StatsResource(CallStatsDao stats, Clock clock) {
    this.stats = stats;
    this.clock = clock;
  }

  @GET
  public CallStatsView get(
      @Auth AuthenticatedTenant tenant,
      @QueryParam("from") String fromParam,
      @QueryParam("to") String toParam) {
    List<FieldError> errors = new ArrayList<>();
    Instant to = instant("to", toParam, errors);
    Instant from = instant("from", fromParam, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    to = to == null ? clock.instant() : to;
    from = from == null ? to.minus(Duration.ofHours(1)) : from;
    if (!from.isBefore(to)) {
      throw ProblemException.validation("to", "must be later than from");
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw ProblemException.validation("from", "must be at most 90 days before to");
    }
    int bucket = bucketFor(Duration.between(from, to));
    List<CallStatsView.Bucket> buckets = new ArrayList<>();
    long calls = 0;
    long answered = 0;
    long ended = 0;
    long failures = 0;
    for (CallStatsBucket b : stats.buckets(tenant.tenantId(), from, to, bucket)) {
      buckets.add(
          new CallStatsView.Bucket(
              Iso.of(b.at()),
              b.completed(),
              b.busy(),
              b.noAnswer(),
              b.failed(),
              b.canceled(),
              b.live(),
              b.answered(),
              b.webhookFailures()));
      long endedHere = b.completed() + b.busy() + b.noAnswer() + b.failed() + b.canceled();
      calls += endedHere + b.live();
      ended += endedHere;
      answered += b.answered();
      failures += b.webhookFailures();
    }
    return new CallStatsView(
        Iso.of(from),
        Iso.of(to),
        bucket,
        buckets,
        calls,
        answered,
        ended == 0 ? null : Math.min(1.0, (double) answered / ended),
        failures,
        stats.liveCalls(tenant.tenantId()));
  }

  static int bucketFor(Duration range) {
    for (int seconds : BUCKETS) {
      if (range.toSeconds() / seconds <= MAX_POINTS) {
        return seconds;
      }
    }
    return BUCKETS[BUCKETS.length - 1];
  }

  private static @Nullable Instant instant(
      String name, @Nullable String value, List<FieldError> errors) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "must be an ISO-8601 UTC time such as 2026-11-24T16:40:00Z"));
      return null;
    }
  }
}
