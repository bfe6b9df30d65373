package io.irisx.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.irisx.client.ApiSchema;
import java.time.Instant;
import java.util.Map;

/** A tenant's phone number and the flow its inbound calls run. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ApiSchema("PhoneNumber")
public record PhoneNumber(
    String id,
    String number,
    String friendlyName,
    String flow,
    Map<String, Object> params,
    String status,
    Instant createdAt,
    Instant updatedAt) {}
