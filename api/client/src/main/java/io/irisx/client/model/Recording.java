package io.irisx.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.irisx.client.ApiSchema;
import java.time.Instant;

/** A recording of a call; {@code url} is a presigned download while {@code urlExpiresAt}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ApiSchema("Recording")
public record Recording(
    String id,
    String callId,
    String status,
    String contentType,
    Long durationMillis,
    Long sizeBytes,
    String checksumSha256,
    Instant startedAt,
    Instant endedAt,
    Instant uploadedAt,
    Instant createdAt,
    String failureReason,
    String url,
    Instant urlExpiresAt) {}
