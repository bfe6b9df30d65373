package io.irisx.api.idempotency;

import io.irisx.db.IdempotencyDao;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes stored responses whose retention has passed, every few minutes. Safe on every replica at
 * once (a plain DELETE by expiry); an expired row is also ignored and replaced by the next claim.
 */
public final class ExpiredIdempotencyKeys {
  private static final Logger log = LoggerFactory.getLogger(ExpiredIdempotencyKeys.class);
  static final long PERIOD_MINUTES = 10;

  private final IdempotencyDao records;
  private final Clock clock;

  public ExpiredIdempotencyKeys(IdempotencyDao records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  public void scheduleOn(ScheduledExecutorService executor) {
    executor.scheduleWithFixedDelay(this::purge, 1, PERIOD_MINUTES, TimeUnit.MINUTES);
  }

  void purge() {
    try {
      int purged = records.purgeExpired(clock.instant());
      if (purged > 0) {
        log.info("purged {} expired idempotency records", purged);
      }
    } catch (RuntimeException e) {
      log.warn("could not purge expired idempotency records: {}", e.toString());
    }
  }
}
