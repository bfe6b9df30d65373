package io.irisx.workflows.admission;

import java.time.Instant;

/** A call waiting in its tenant's queue for a slot, since {@code since}. */
public record QueuedCall(String tenantId, String callId, CallAdmission limits, Instant since) {}
