package io.irisx.api.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's calls over a range ({@code GET /v1/stats}): per bucket of {@code bucketSeconds}, the
 * calls made by outcome, answered, and the webhook attempts that failed; the totals, the answer
 * rate (answered over ended, null before any call ended) and the calls up now.
 */
public record CallStatsView(
    String from,
    String to,
    int bucketSeconds,
    List<Bucket> buckets,
    long calls,
    long answered,
    @Nullable Double answerRate,
    long webhookFailures,
    int callsUpNow) {

  /** One bucket, from {@code at} for {@code bucketSeconds}. */
  public record Bucket(
      String at,
      int completed,
      int busy,
      int noAnswer,
      int failed,
      int canceled,
      int live,
      int answered,
      int webhookFailures) {}
}
