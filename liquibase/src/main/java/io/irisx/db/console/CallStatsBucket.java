package io.irisx.db.console;

import java.time.Instant;

/**
 * The calls made in one time bucket by how they stand now ({@code live}: queued, ringing or in
 * progress), how many were answered, and the webhook attempts that failed in it.
 */
public record CallStatsBucket(
    Instant at,
    int completed,
    int busy,
    int noAnswer,
    int failed,
    int canceled,
    int live,
    int answered,
    int webhookFailures) {}
