package io.irisx.db.console;

import java.time.Instant;

/** How many log-ins failed for one subject within a window, and when the oldest of them was. */
public record LoginFailures(int count, Instant oldest) {}
