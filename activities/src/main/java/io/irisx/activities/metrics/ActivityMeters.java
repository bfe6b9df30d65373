package io.irisx.activities.metrics;

import io.irisx.workflows.webhook.DeliveryStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The business meters activities count: webhook deliveries by how they ended, and recording
 * uploads. Registered up front, so a scrape shows them at zero before the first event (a rate over
 * a series that appears late misses its first increment).
 */
public final class ActivityMeters {
  private final Map<DeliveryStatus, Counter> deliveries = new EnumMap<>(DeliveryStatus.class);
  private final Counter uploadsSucceeded;
  private final Counter uploadsFailed;
  private final DistributionSummary uploadedBytes;
  private final Timer uploadTime;

  public ActivityMeters(MeterRegistry registry) {
    for (DeliveryStatus status : DeliveryStatus.values()) {
      if (status.isFinal()) {
        deliveries.put(
            status,
            Counter.builder("irisx_webhook_deliveries")
                .description("Webhook deliveries that ended, by outcome")
                .tag("outcome", status.wireName())
                .register(registry));
      }
    }
    uploadsSucceeded = uploads(registry, "succeeded");
    uploadsFailed = uploads(registry, "failed");
    uploadedBytes =
        DistributionSummary.builder("irisx_recording_upload_bytes")
            .description("Size of the recordings uploaded to S3")
            .baseUnit("bytes")
            .register(registry);
    uploadTime =
        Timer.builder("irisx_recording_upload")
            .description("Time to send a recording to S3 and see it confirmed")
            .register(registry);
  }

  /**
   * Meters that go nowhere, for tests and tools that run activities without a process around them.
   */
  public static ActivityMeters none() {
    return new ActivityMeters(new CompositeMeterRegistry());
  }

  /** A delivery reached a final status (succeeded, failed or canceled). */
  public void deliveryEnded(DeliveryStatus status) {
    Counter counter = deliveries.get(status);
    if (counter != null) {
      counter.increment();
    }
  }

  /** A recording reached S3 (counted once per recording, not per retry). */
  public void recordingUploaded(long bytes, Duration took) {
    uploadsSucceeded.increment();
    uploadedBytes.record(bytes);
    uploadTime.record(took);
  }

  /** An upload attempt failed (it is retried; the file stays until an upload is confirmed). */
  public void recordingUploadFailed() {
    uploadsFailed.increment();
  }

  private static Counter uploads(MeterRegistry registry, String outcome) {
    return Counter.builder("irisx_recording_uploads")
        .description("Recording uploads to S3, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }
}
