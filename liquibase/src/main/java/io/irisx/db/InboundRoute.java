package io.irisx.db;

import java.util.UUID;

/**
 * Where an inbound call to a number goes: the tenant that owns the number and the flow it runs.
 *
 * @param flowParamsJson the flow's parameters as a JSON object text ({@code {}} when none)
 */
public record InboundRoute(
    UUID phoneNumberId, UUID tenantId, String number, String flow, String flowParamsJson) {}
