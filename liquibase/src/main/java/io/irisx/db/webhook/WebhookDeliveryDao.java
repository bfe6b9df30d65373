package io.irisx.db.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Deliveries (one event to one endpoint) and their attempts. */
@RegisterConstructorMapper(WebhookDeliveryRow.class)
@RegisterConstructorMapper(WebhookAttemptRow.class)
@RegisterConstructorMapper(OrphanedDelivery.class)
public interface WebhookDeliveryDao {
  String COLUMNS =
      """
      id, tenant_id, webhook_id, event_id, event_type, call_id, sequence, occurred_at,
      COALESCE(body, payload::text) AS payload, status, workflow_id, attempt_count, last_attempt_at,
      next_attempt_at, response_status, error, delivered_at, created_at, updated_at
      """;

  /**
   * Creates the delivery unless one exists for (endpoint, event): publishing an event twice makes
   * one delivery. {@code call_id} is set only when the call's row exists (it is a foreign key); the
   * envelope in {@code payload} always names the call.
   */
  @SqlUpdate(
      """
      INSERT INTO webhook_deliveries
        (id, tenant_id, webhook_id, event_id, event_type, call_id, sequence, occurred_at, payload,
         body, workflow_id)
      VALUES
        (:id, :tenantId, :webhookId, :eventId, :eventType,
         (SELECT c.id FROM calls c WHERE c.id = CAST(:callId AS uuid) AND c.tenant_id = :tenantId),
         CAST(:sequence AS bigint), CAST(:occurredAt AS timestamptz), CAST(:payload AS jsonb), :payload,
         :workflowId)
      ON CONFLICT (webhook_id, event_id) DO NOTHING
      """)
  void insertIfAbsent(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("webhookId") UUID webhookId,
      @Bind("eventId") UUID eventId,
      @Bind("eventType") String eventType,
      @Bind("callId") UUID callId,
      @Bind("sequence") Long sequence,
      @Bind("occurredAt") Instant occurredAt,
      @Bind("payload") String payload,
      @Bind("workflowId") String workflowId);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM webhook_deliveries WHERE webhook_id = :webhookId AND event_id = :eventId")
  Optional<WebhookDeliveryRow> findByEvent(
      @Bind("webhookId") UUID webhookId, @Bind("eventId") UUID eventId);

  @SqlQuery(
      "SELECT " + COLUMNS + " FROM webhook_deliveries WHERE tenant_id = :tenantId AND id = :id")
  Optional<WebhookDeliveryRow> find(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  /**
   * By id alone: for the delivery workflow's activities, which act for whichever tenant owns it.
   */
  @SqlQuery("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = :id")
  Optional<WebhookDeliveryRow> findById(@Bind("id") UUID id);

  /**
   * The tenant's deliveries, newest first, each filter applying only when given, after the
   * (createdAt, id) cursor when one is given.
   */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM webhook_deliveries
          WHERE tenant_id = :tenantId
            AND (CAST(:webhookId AS uuid) IS NULL OR webhook_id = CAST(:webhookId AS uuid))
            AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))
            AND (CAST(:eventType AS text) IS NULL OR event_type = CAST(:eventType AS text))
            AND (CAST(:callId AS uuid) IS NULL OR call_id = CAST(:callId AS uuid))
            AND (CAST(:since AS timestamptz) IS NULL OR created_at >= CAST(:since AS timestamptz))
            AND (CAST(:until AS timestamptz) IS NULL OR created_at < CAST(:until AS timestamptz))
            AND (CAST(:cursorCreatedAt AS timestamptz) IS NULL
                 OR (created_at, id) < (CAST(:cursorCreatedAt AS timestamptz),
                                        COALESCE(CAST(:cursorId AS uuid), CAST('00000000-0000-0000-0000-000000000000' AS uuid))))
          ORDER BY created_at DESC, id DESC
          LIMIT :limit
          """)
  List<WebhookDeliveryRow> list(@BindMethods DeliveryFilter filter, @Bind("limit") int limit);

  /**
   * Notes that a (re)delivery is under way: back to pending, the outcome of an earlier run cleared.
   */
  @SqlUpdate(
      """
      UPDATE webhook_deliveries SET status = 'pending', workflow_id = :workflowId, next_attempt_at = :at,
        error = NULL, delivered_at = NULL
      WHERE id = :id
      """)
  void reopen(@Bind("id") UUID id, @Bind("workflowId") String workflowId, @Bind("at") Instant at);

  /** Records an attempt unless this attempt number is already recorded; true when it was new. */
  @SqlUpdate(
      """
      INSERT INTO webhook_delivery_attempts
        (delivery_id, tenant_id, attempt_number, attempted_at, url, outcome, response_status,
         latency_millis, response_body, error)
      VALUES
        (:deliveryId, :tenantId, :attemptNumber, :attemptedAt, :url, :outcome, :responseStatus,
         :latencyMillis, :responseBody, :error)
      ON CONFLICT (delivery_id, attempt_number) DO NOTHING
      """)
  boolean insertAttemptIfAbsent(@BindMethods WebhookAttemptRow attempt);

  @SqlQuery(
      """
      SELECT delivery_id, tenant_id, attempt_number, attempted_at, url, outcome, response_status,
             latency_millis, response_body, error
      FROM webhook_delivery_attempts WHERE delivery_id = :deliveryId AND attempt_number = :attemptNumber
      """)
  Optional<WebhookAttemptRow> findAttempt(
      @Bind("deliveryId") UUID deliveryId, @Bind("attemptNumber") int attemptNumber);

  /** The delivery's attempts in order; empty when it is another tenant's. */
  @SqlQuery(
      """
      SELECT delivery_id, tenant_id, attempt_number, attempted_at, url, outcome, response_status,
             latency_millis, response_body, error
      FROM webhook_delivery_attempts WHERE tenant_id = :tenantId AND delivery_id = :deliveryId
      ORDER BY attempt_number
      """)
  List<WebhookAttemptRow> listAttempts(
      @Bind("tenantId") UUID tenantId, @Bind("deliveryId") UUID deliveryId);

  @SqlQuery(
      "SELECT COALESCE(max(attempt_number), 0) FROM webhook_delivery_attempts WHERE delivery_id = :deliveryId")
  int lastAttemptNumber(@Bind("deliveryId") UUID deliveryId);

  /**
   * Brings the delivery's summary up to date after an attempt: its status ({@code pending} while
   * retries remain), the attempt count and time, the last answer, and when the next attempt is due.
   */
  @SqlUpdate(
      """
      UPDATE webhook_deliveries SET
        status = :status,
        attempt_count = (SELECT count(*) FROM webhook_delivery_attempts WHERE delivery_id = :id),
        last_attempt_at = :attemptedAt,
        next_attempt_at = :nextAttemptAt,
        response_status = :responseStatus,
        error = :error,
        delivered_at = CASE WHEN :status = 'succeeded' THEN :attemptedAt ELSE delivered_at END
      WHERE id = :id
      """)
  void recordOutcome(
      @Bind("id") UUID id,
      @Bind("status") String status,
      @Bind("attemptedAt") Instant attemptedAt,
      @Bind("nextAttemptAt") Instant nextAttemptAt,
      @Bind("responseStatus") Integer responseStatus,
      @Bind("error") String error);

  /** Ends the delivery without an attempt (endpoint disabled or deleted). */
  @SqlUpdate(
      """
      UPDATE webhook_deliveries SET status = 'canceled', next_attempt_at = NULL, error = :reason
      WHERE id = :id AND status = 'pending'
      """)
  void cancel(@Bind("id") UUID id, @Bind("reason") String reason);

  /**
   * Pending deliveries untouched since {@code staleBefore} and not due later (a delivery waiting
   * for its next attempt is not an orphan), oldest first; one queued behind an earlier pending
   * event of the same call and endpoint is left out, its turn has not come.
   */
  @SqlQuery(
      """
      SELECT d.id, d.tenant_id, d.webhook_id,
             COALESCE(CAST(d.call_id AS text), d.payload->>'callId') AS call_id, d.sequence,
             (SELECT COALESCE(max(a.attempt_number), 0) FROM webhook_delivery_attempts a
               WHERE a.delivery_id = d.id) AS last_attempt_number
      FROM webhook_deliveries d
      WHERE d.status = 'pending'
        AND d.updated_at < :staleBefore
        AND (d.next_attempt_at IS NULL OR d.next_attempt_at < :staleBefore)
        AND NOT EXISTS (
          SELECT 1 FROM webhook_deliveries e
          WHERE e.webhook_id = d.webhook_id AND e.status = 'pending' AND e.sequence < d.sequence
            AND e.payload->>'callId' = d.payload->>'callId')
      ORDER BY d.created_at
      LIMIT :limit
      """)
  List<OrphanedDelivery> findOrphans(
      @Bind("staleBefore") Instant staleBefore, @Bind("limit") int limit);
}
