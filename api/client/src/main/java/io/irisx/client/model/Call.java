package io.irisx.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.client.ApiSchema;
import java.time.Instant;

/**
 * A call: its CDR once it has ended, and {@code live} (state from the call's workflow) while it is
 * up. {@code from} is E.164 (or {@code anonymous}); {@code fromRaw} is an inbound caller's number
 * as the network sent it, null for outbound calls.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@ApiSchema("Call")
public record Call(
    String id,
    String direction,
    String from,
    String fromRaw,
    String to,
    String flow,
    String status,
    String nodeId,
    Instant createdAt,
    Instant ringingAt,
    Instant answeredAt,
    Instant endedAt,
    Integer durationSeconds,
    Integer billSeconds,
    String hangupCause,
    Integer hangupCauseCode,
    Integer sipCode,
    String hungUpBy,
    JsonNode metadata,
    LiveCall live,
    CallQueuePosition queue) {}
