package io.irisx.db;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's contact.
 *
 * @param tagsJson the tags as a JSON array of strings
 * @param metadataJson free-form metadata as a JSON object
 */
public record ContactRow(
    UUID id,
    UUID tenantId,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String phoneNumber,
    @Nullable String email,
    @Nullable String company,
    String tagsJson,
    @Nullable String notes,
    String metadataJson,
    Instant createdAt,
    @Nullable Instant updatedAt) {}
