package io.irisx.db.console;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The console's overview: a tenant's calls and failed webhook attempts counted per time bucket,
 * over the {@code (tenant_id, created_at)} and {@code (tenant_id, attempted_at)} indexes.
 */
public interface CallStatsDao {
  @SqlQuery(
      """
      WITH calls_in AS (
        SELECT to_timestamp(floor(extract(epoch FROM created_at) / :bucketSeconds) * :bucketSeconds) AS at,
               count(*) FILTER (WHERE status = 'completed') AS completed,
               count(*) FILTER (WHERE status = 'busy') AS busy,
               count(*) FILTER (WHERE status = 'no-answer') AS no_answer,
               count(*) FILTER (WHERE status = 'failed') AS failed,
               count(*) FILTER (WHERE status = 'canceled') AS canceled,
               count(*) FILTER (WHERE status IN ('queued', 'ringing', 'in-progress')) AS live,
               count(*) FILTER (WHERE answered_at IS NOT NULL) AS answered
        FROM calls
        WHERE tenant_id = :tenantId AND deleted_at IS NULL
          AND created_at >= :from AND created_at < :to
        GROUP BY 1
      ), failures_in AS (
        SELECT to_timestamp(floor(extract(epoch FROM attempted_at) / :bucketSeconds) * :bucketSeconds) AS at,
               count(*) AS webhook_failures
        FROM webhook_delivery_attempts
        WHERE tenant_id = :tenantId AND outcome <> 'succeeded'
          AND attempted_at >= :from AND attempted_at < :to
        GROUP BY 1
      )
      SELECT COALESCE(c.at, f.at) AS at,
             COALESCE(c.completed, 0) AS completed, COALESCE(c.busy, 0) AS busy,
             COALESCE(c.no_answer, 0) AS no_answer, COALESCE(c.failed, 0) AS failed,
             COALESCE(c.canceled, 0) AS canceled, COALESCE(c.live, 0) AS live,
             COALESCE(c.answered, 0) AS answered, COALESCE(f.webhook_failures, 0) AS webhook_failures
      FROM calls_in c FULL JOIN failures_in f ON f.at = c.at
      ORDER BY 1
      """)
  @RegisterConstructorMapper(CallStatsBucket.class)
  List<CallStatsBucket> buckets(
      @Bind("tenantId") UUID tenantId,
      @Bind("from") Instant from,
      @Bind("to") Instant to,
      @Bind("bucketSeconds") int bucketSeconds);

  /** The tenant's calls up now: queued, ringing or in progress, whenever they began. */
  @SqlQuery(
      """
      SELECT count(*) FROM calls
      WHERE tenant_id = :tenantId AND deleted_at IS NULL
        AND status IN ('queued', 'ringing', 'in-progress')
      """)
  int liveCalls(@Bind("tenantId") UUID tenantId);
}
