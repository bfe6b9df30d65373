package io.irisx.db.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** Webhook endpoints. Every read and write is scoped by tenant; deleted endpoints are invisible. */
@RegisterConstructorMapper(WebhookRow.class)
public interface WebhookDao {
  String COLUMNS =
      """
      id, tenant_id, url, description, events, secret, previous_secret, previous_secret_expires_at,
      status, disabled_reason, disabled_at, source, failure_count, last_success_at, last_failure_at, created_at,
      updated_at
      """;

  /** Creates an endpoint of source {@code api}; events are stored sorted and without duplicates. */
  @SqlUpdate(
      """
      INSERT INTO webhooks (id, tenant_id, url, description, events, secret, source)
      VALUES (:id, :tenantId, :url, :description,
              ARRAY(SELECT DISTINCT unnest(CAST(:events AS text[])) ORDER BY 1), :secret, 'api')
      """)
  void insert(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("url") String url,
      @Bind("description") @Nullable String description,
      @Bind("events") String[] events,
      @Bind("secret") String secret);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM webhooks WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL")
  Optional<WebhookRow> find(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  /** Newest first, after the (createdAt, id) cursor when one is given. */
  default List<WebhookRow> listNewestFirst(
      UUID tenantId, @Nullable Instant cursorCreatedAt, @Nullable UUID cursorId, int limit) {
    if (cursorCreatedAt == null) {
      return listFirstPage(tenantId, limit);
    }
    return listPageAfter(
        tenantId, cursorCreatedAt, cursorId == null ? new UUID(0, 0) : cursorId, limit);
  }

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM webhooks WHERE tenant_id = :tenantId AND deleted_at IS NULL
          ORDER BY created_at DESC, id DESC LIMIT :limit
          """)
  List<WebhookRow> listFirstPage(@Bind("tenantId") UUID tenantId, @Bind("limit") int limit);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM webhooks WHERE tenant_id = :tenantId AND deleted_at IS NULL
            AND (created_at, id) < (:cursorCreatedAt, :cursorId)
          ORDER BY created_at DESC, id DESC LIMIT :limit
          """)
  List<WebhookRow> listPageAfter(
      @Bind("tenantId") UUID tenantId,
      @Bind("cursorCreatedAt") Instant cursorCreatedAt,
      @Bind("cursorId") UUID cursorId,
      @Bind("limit") int limit);

  /** The tenant's enabled API endpoints subscribed to {@code eventType} (or to every type). */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM webhooks
          WHERE tenant_id = :tenantId AND deleted_at IS NULL AND status = 'enabled' AND source = 'api'
            AND (events = '{}' OR :eventType = ANY (events))
          ORDER BY created_at, id
          """)
  List<WebhookRow> listSubscribed(
      @Bind("tenantId") UUID tenantId, @Bind("eventType") String eventType);

  /** Changes what is given (null keeps the stored value); false when there is no such endpoint. */
  @SqlUpdate(
      """
      UPDATE webhooks SET
        url = COALESCE(:url, url),
        description = COALESCE(:description, description),
        events = CASE WHEN CAST(:events AS text[]) IS NULL THEN events
                      ELSE ARRAY(SELECT DISTINCT unnest(CAST(:events AS text[])) ORDER BY 1) END
      WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL AND source = 'api'
      """)
  boolean update(
      @Bind("tenantId") UUID tenantId,
      @Bind("id") UUID id,
      @Bind("url") @Nullable String url,
      @Bind("description") @Nullable String description,
      @Bind("events") String @Nullable [] events);

  /** Enables (clearing the reason and the failure count) or disables with a reason. */
  @SqlUpdate(
      """
      UPDATE webhooks SET
        status = :status,
        disabled_reason = CASE WHEN :status = 'enabled' THEN NULL ELSE :reason END,
        disabled_at = CASE WHEN :status = 'enabled' THEN NULL ELSE COALESCE(disabled_at, now()) END,
        failure_count = CASE WHEN :status = 'enabled' THEN 0 ELSE failure_count END
      WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
      """)
  boolean setStatus(
      @Bind("tenantId") UUID tenantId,
      @Bind("id") UUID id,
      @Bind("status") String status,
      @Bind("reason") @Nullable String reason);

  /** Soft delete: the endpoint disappears from the API; its deliveries end as canceled. */
  @SqlUpdate(
      """
      UPDATE webhooks SET deleted_at = now(), status = 'disabled', disabled_reason = 'deleted',
        disabled_at = COALESCE(disabled_at, now())
      WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
      """)
  boolean delete(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  /** The new secret signs from now on; the old one also signs until {@code previousExpiresAt}. */
  @SqlUpdate(
      """
      UPDATE webhooks SET
        previous_secret = secret,
        previous_secret_expires_at = :previousExpiresAt,
        secret = :secret
      WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
      """)
  boolean rotateSecret(
      @Bind("tenantId") UUID tenantId,
      @Bind("id") UUID id,
      @Bind("secret") String secret,
      @Bind("previousExpiresAt") Instant previousExpiresAt);

  /**
   * Creates the tenant's endpoint for a call's own URL unless it exists (one per tenant and URL).
   */
  @SqlUpdate(
      """
      INSERT INTO webhooks (id, tenant_id, url, description, events, secret, source)
      VALUES (:id, :tenantId, :url, 'the webhookUrl of calls', '{}', :secret, 'call')
      ON CONFLICT (tenant_id, url) WHERE source = 'call' AND deleted_at IS NULL DO NOTHING
      """)
  void insertCallEndpointIfAbsent(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("url") String url,
      @Bind("secret") String secret);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM webhooks WHERE tenant_id = :tenantId AND url = :url AND source = 'call' AND deleted_at IS NULL")
  Optional<WebhookRow> findCallEndpoint(@Bind("tenantId") UUID tenantId, @Bind("url") String url);

  /** The endpoint whatever its state, deleted included: what a delivery needs to know. */
  @SqlQuery(
      "SELECT " + COLUMNS + ", deleted_at IS NOT NULL AS deleted FROM webhooks WHERE id = :id")
  @RegisterConstructorMapper(WebhookRowWithDeletion.class)
  Optional<WebhookRowWithDeletion> findForDelivery(@Bind("id") UUID id);

  @SqlUpdate("UPDATE webhooks SET failure_count = 0, last_success_at = :at WHERE id = :id")
  void recordSuccess(@Bind("id") UUID id, @Bind("at") Instant at);

  @SqlUpdate(
      "UPDATE webhooks SET failure_count = failure_count + 1, last_failure_at = :at WHERE id = :id")
  void recordFailure(@Bind("id") UUID id, @Bind("at") Instant at);

  /**
   * The endpoint said it is gone (HTTP 410): it is disabled until its owner enables it again. True
   * only for the answer that disabled it, so that its owner is told once.
   */
  @SqlUpdate(
      """
      UPDATE webhooks SET status = 'disabled', disabled_reason = :reason, disabled_at = :at,
        last_failure_at = :at
      WHERE id = :id AND status = 'enabled'
      """)
  boolean disableGone(@Bind("id") UUID id, @Bind("reason") String reason, @Bind("at") Instant at);
}
