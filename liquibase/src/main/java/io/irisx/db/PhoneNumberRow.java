package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's phone number (DID) as the API manages it.
 *
 * @param flowParamsJson the parameters handed to {@code flow}, as JSON object text
 */
public record PhoneNumberRow(
    UUID id,
    UUID tenantId,
    String number,
    String friendlyName,
    String flow,
    String flowParamsJson,
    String status,
    Instant createdAt,
    Instant updatedAt) {}
