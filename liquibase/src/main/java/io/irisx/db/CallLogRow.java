package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

/** One entry of a call's timeline ({@code call_logs}); unique per (call, sequence). */
public record CallLogRow(
    UUID callId,
    UUID tenantId,
    int sequence,
    String eventType,
    String status,
    String detail,
    Instant occurredAt) {}
