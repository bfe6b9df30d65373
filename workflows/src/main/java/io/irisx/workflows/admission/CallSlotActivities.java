package io.irisx.workflows.admission;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * A tenant's call slots, kept in Redis as leases (see docs/limits.md). Every method is idempotent:
 * the lease and the waiting entry are keyed by call id.
 */
@ActivityInterface
public interface CallSlotActivities {

  /** Puts the call in its tenant's queue (signal-with-start of {@code call-queue-<tenantId>}). */
  @ActivityMethod(name = ActivityCatalogue.JOIN_CALL_QUEUE)
  void join(QueuedCall call);

  /** Takes a slot for the call at the head of its queue if the rate and the concurrency allow. */
  @ActivityMethod(name = ActivityCatalogue.GRANT_CALL_SLOT)
  SlotGrant grant(QueuedCall call);

  /** Extends the lease of a call that is still up. */
  @ActivityMethod(name = ActivityCatalogue.RENEW_CALL_SLOT)
  void renew(String tenantId, String callId, int leaseSeconds);

  /**
   * Frees the call's slot (or its place in the queue), and wakes the tenant's queue if anyone
   * waits.
   */
  @ActivityMethod(name = ActivityCatalogue.RELEASE_CALL_SLOT)
  void release(String tenantId, String callId);
}
