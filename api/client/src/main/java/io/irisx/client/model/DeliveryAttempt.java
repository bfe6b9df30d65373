package io.irisx.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** Part of a webhook delivery: one attempt, its outcome and the endpoint's answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryAttempt(
    int number,
    Instant attemptedAt,
    String url,
    String outcome,
    Integer responseStatus,
    Long latencyMillis,
    String responseBody,
    String error) {}
