package io.irisx.db.webhook;

import java.util.UUID;

/**
 * A pending delivery nobody has attempted when it was due: its workflow never started, or ended
 * without it.
 *
 * @param callId the call it belongs to (from the envelope when the call's row is missing), null for
 *     an event not about a call
 * @param lastAttemptNumber the highest attempt recorded, 0 when none
 */
public record OrphanedDelivery(
    UUID id, UUID tenantId, UUID webhookId, String callId, Long sequence, int lastAttemptNumber) {}
