package io.irisx.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.irisx.client.ApiSchema;
import java.time.Instant;

/** One step of a call's timeline (call_logs), in order of {@code sequence}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ApiSchema("CallEvent")
public record CallEvent(
    int sequence, String type, String status, String detail, Instant occurredAt) {}
