package io.irisx.activities.webhook;

import io.irisx.activities.metrics.ActivityMeters;
import io.irisx.db.webhook.WebhookAttemptRow;
import io.irisx.db.webhook.WebhookDao;
import io.irisx.db.webhook.WebhookDeliveryDao;
import io.irisx.db.webhook.WebhookDeliveryRow;
import io.irisx.db.webhook.WebhookRow;
import io.irisx.db.webhook.WebhookRowWithDeletion;
import io.irisx.workflows.webhook.AttemptOutcome;
import io.irisx.workflows.webhook.AttemptRequest;
import io.irisx.workflows.webhook.DeliveryRequest;
import io.irisx.workflows.webhook.DeliveryStart;
import io.irisx.workflows.webhook.DeliveryStatus;
import io.irisx.workflows.webhook.RetrySchedule;
import io.irisx.workflows.webhook.WebhookDeliveryActivities;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityWorkerShutdownException;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends deliveries over HTTP and keeps {@code webhook_deliveries} and {@code
 * webhook_delivery_attempts} up to date. An attempt already recorded under its number is not sent
 * again when the activity is retried. A worker that dies after the request but before the record
 * sends it again on retry: delivery is at least once, and receivers drop duplicates by {@code
 * webhook-id}.
 */
public final class WebhookDeliveryActivitiesImpl implements WebhookDeliveryActivities {
  static final String DELIVERY_NOT_FOUND = "WebhookDeliveryNotFound";
  private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryActivitiesImpl.class);
  private static final int MAX_ERROR_LENGTH = 500;
  static final String GONE_REASON = "the endpoint answered 410 Gone";

  private final Jdbi jdbi;
  private final WebhookSender sender;
  private final Clock clock;
  private final ActivityMeters meters;
  private final EndpointDisabledNotice disabledNotice;

  /**
   * @param temporal starts the deliveries of the notice an endpoint's 410 makes
   */
  public WebhookDeliveryActivitiesImpl(
      Jdbi jdbi, WebhookSender sender, Clock clock, WorkflowClient temporal) {
    this(jdbi, sender, clock, temporal, ActivityMeters.none());
  }

  public WebhookDeliveryActivitiesImpl(
      Jdbi jdbi,
      WebhookSender sender,
      Clock clock,
      WorkflowClient temporal,
      ActivityMeters meters) {
    this.jdbi = jdbi;
    this.sender = sender;
    this.clock = clock;
    this.meters = meters;
    this.disabledNotice = new EndpointDisabledNotice(temporal);
  }

  @Override
  public DeliveryStart begin(DeliveryRequest request) {
    UUID id = deliveryId(request.deliveryId());
    return jdbi.inTransaction(
        handle -> {
          WebhookDeliveryDao deliveries = handle.attach(WebhookDeliveryDao.class);
          WebhookDeliveryRow row = deliveries.findById(id).orElseThrow(() -> notFound(id));
          int next = deliveries.lastAttemptNumber(id) + 1;
          DeliveryStatus status = DeliveryStatus.fromWireName(row.status());
          if (request.redelivery()) {
            deliveries.reopen(
                id, DeliveryRequest.workflowId(request.deliveryId()), clock.instant());
            status = DeliveryStatus.PENDING;
          }
          return new DeliveryStart(
              next, status, row.tenantId().toString(), row.webhookId().toString(), row.eventType());
        });
  }

  @Override
  public AttemptOutcome attempt(AttemptRequest request) {
    UUID id = deliveryId(request.deliveryId());
    WebhookDeliveryDao deliveries = jdbi.onDemand(WebhookDeliveryDao.class);
    WebhookDeliveryRow delivery = deliveries.findById(id).orElseThrow(() -> notFound(id));
    var recorded = deliveries.findAttempt(id, request.attemptNumber());
    if (recorded.isPresent()) {
      WebhookAttemptRow attempt = recorded.get();
      return new AttemptOutcome(
          attempt.attemptNumber(),
          attempt.outcome(),
          attempt.responseStatus(),
          attempt.error(),
          DeliveryStatus.fromWireName(delivery.status()));
    }
    WebhookRowWithDeletion found =
        jdbi.onDemand(WebhookDao.class)
            .findForDelivery(delivery.webhookId())
            .orElseThrow(() -> notFound(id));
    WebhookRow endpoint = found.endpoint();
    if (found.deleted() || !endpoint.enabled()) {
      String reason = found.deleted() ? "the endpoint was deleted" : "the endpoint is disabled";
      deliveries.cancel(id, reason);
      meters.deliveryEnded(DeliveryStatus.CANCELED);
      return new AttemptOutcome(
          request.attemptNumber(), "skipped", null, reason, DeliveryStatus.CANCELED);
    }

    Instant attemptedAt = clock.instant();
    ActivityExecutionContext context = Activity.getExecutionContext();
    HttpAttempt http =
        sender.send(
            endpoint.url(),
            signedHeaders(delivery, endpoint, attemptedAt),
            body(delivery),
            () -> heartbeat(context, request.attemptNumber()));
    String outcome =
        http.refused()
            ? WebhookAttemptRow.REFUSED
            : http.succeeded()
                ? WebhookAttemptRow.SUCCEEDED
                : http.gone() ? WebhookAttemptRow.GONE : WebhookAttemptRow.FAILED;
    DeliveryStatus after =
        http.succeeded()
            ? DeliveryStatus.SUCCEEDED
            : http.gone() || http.refusedForGood() || request.lastAttempt()
                ? DeliveryStatus.FAILED
                : DeliveryStatus.PENDING;
    String error = error(http);
    Instant next =
        after == DeliveryStatus.PENDING
            ? attemptedAt.plusMillis(
                Math.max(
                    request.nextAttemptInMillis(),
                    http.retryAfterMillis() == null
                        ? 0
                        : Math.min(
                            http.retryAfterMillis(), RetrySchedule.MAX_RETRY_AFTER.toMillis())))
            : null;
    List<UUID> notices =
        jdbi.inTransaction(
            handle -> {
              WebhookDeliveryDao tx = handle.attach(WebhookDeliveryDao.class);
              WebhookDao endpoints = handle.attach(WebhookDao.class);
              tx.insertAttemptIfAbsent(
                  new WebhookAttemptRow(
                      id,
                      delivery.tenantId(),
                      request.attemptNumber(),
                      attemptedAt,
                      endpoint.url(),
                      outcome,
                      http.status(),
                      http.latencyMillis(),
                      clean(http.bodyStart()),
                      error));
              tx.recordOutcome(id, after.wireName(), attemptedAt, next, http.status(), error);
              if (http.succeeded()) {
                endpoints.recordSuccess(endpoint.id(), attemptedAt);
              } else {
                endpoints.recordFailure(endpoint.id(), attemptedAt);
              }
              if (http.gone() && endpoints.disableGone(endpoint.id(), GONE_REASON, attemptedAt)) {
                return disabledNotice.store(
                    handle, endpoint, GONE_REASON, attemptedAt, id, request.attemptNumber());
              }
              return List.<UUID>of();
            });
    disabledNotice.start(notices, endpoint.id());
    if (after.isFinal()) {
      meters.deliveryEnded(after);
    }
    // The endpoint's id, not its URL: URLs sometimes carry tokens.
    log.info(
        "webhook delivery {} attempt {} to endpoint {}: {} ({}), {} ms",
        id,
        request.attemptNumber(),
        endpoint.id(),
        outcome,
        http.status() == null ? error : "HTTP " + http.status(),
        http.latencyMillis());
    return new AttemptOutcome(
        request.attemptNumber(), outcome, http.status(), error, after, http.retryAfterMillis());
  }

  /**
   * While the worker shuts down gracefully the SDK answers heartbeats with {@link
   * ActivityWorkerShutdownException}; the request in flight is finished and recorded instead (its
   * own timeout bounds it, well inside the worker's grace period), so the receiver does not get it
   * a second time from the retry on another worker.
   */
  private static void heartbeat(ActivityExecutionContext context, int attemptNumber) {
    try {
      context.heartbeat(attemptNumber);
    } catch (ActivityWorkerShutdownException shuttingDown) {
      // finish this attempt; the worker waits for it
    }
  }

  /** The Standard Webhooks headers; during a rotation's overlap both secrets sign. */
  private static Map<String, String> signedHeaders(
      WebhookDeliveryRow delivery, WebhookRow endpoint, Instant at) {
    List<WebhookSecret> secrets =
        endpoint.signingSecrets(at).stream().map(WebhookSecret::parse).toList();
    String messageId = delivery.eventId().toString();
    long timestamp = at.getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(WebhookSigner.ID_HEADER, messageId);
    headers.put(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp));
    headers.put(
        WebhookSigner.SIGNATURE_HEADER,
        WebhookSigner.signatureHeader(secrets, messageId, timestamp, body(delivery)));
    return headers;
  }

  private static byte[] body(WebhookDeliveryRow delivery) {
    return delivery.payload().getBytes(StandardCharsets.UTF_8);
  }

  private static String error(HttpAttempt http) {
    String error = http.error();
    if (error == null && !http.succeeded()) {
      error = "HTTP " + http.status();
    }
    return error == null || error.length() <= MAX_ERROR_LENGTH
        ? error
        : error.substring(0, MAX_ERROR_LENGTH);
  }

  /** PostgreSQL text holds no NUL character; a binary answer is kept readable. */
  private static String clean(String bodyStart) {
    return bodyStart == null ? null : bodyStart.replace('\u0000', '\uFFFD');
  }

  private static UUID deliveryId(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "not a delivery id: " + value, DELIVERY_NOT_FOUND);
    }
  }

  private static ApplicationFailure notFound(UUID id) {
    return ApplicationFailure.newNonRetryableFailure(
        "no webhook delivery " + id, DELIVERY_NOT_FOUND);
  }
}
