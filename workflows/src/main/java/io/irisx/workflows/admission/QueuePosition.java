package io.irisx.workflows.admission;

import java.time.Instant;

/** Where a queued call stands: 1 is next; {@code since} is when it joined the queue. */
public record QueuePosition(int position, Instant since) {}
