package io.irisx.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.irisx.client.ApiSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A contact of the tenant's address book. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ApiSchema("Contact")
public record Contact(
    String id,
    String firstName,
    String lastName,
    String phoneNumber,
    String email,
    String company,
    List<String> tags,
    String notes,
    Map<String, Object> metadata,
    Instant createdAt,
    Instant updatedAt) {}
