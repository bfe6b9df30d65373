package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's contact.
 *
 * @param tagsJson the tags as a JSON array of strings
 * @param metadataJson free-form metadata as a JSON object
 */
public record ContactRow(
    UUID id,
    UUID tenantId,
    String firstName,
    String lastName,
    String phoneNumber,
    String email,
    String company,
    String tagsJson,
    String notes,
    String metadataJson,
    Instant createdAt,
    Instant updatedAt) {}
