package io.irisx.workflows.webhook;

import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Delivery activities whose receiver answers from a script per delivery (HTTP statuses, then 200
 * for ever), noting each attempt with the test server's time. Workflow tests need no HTTP.
 */
final class ScriptedReceiver implements WebhookDeliveryActivities {
  record Attempt(String deliveryId, int number, Instant at, int status) {}

  final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();
  private final Map<String, DeliveryStatus> finished = new ConcurrentHashMap<>();
  private final Map<String, Long> retryAfterMillis = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger databaseDownFor =
      new java.util.concurrent.atomic.AtomicInteger();
  private final TestWorkflowEnvironment env;

  ScriptedReceiver(TestWorkflowEnvironment env) {
    this.env = env;
  }

  ScriptedReceiver answer(String deliveryId, Integer... statuses) {
    answers.put(deliveryId, new ArrayDeque<>(List.of(statuses)));
    return this;
  }

  /** Its 429 and 503 answers carry this {@code Retry-After}. */
  ScriptedReceiver retryAfter(String deliveryId, java.time.Duration wait) {
    retryAfterMillis.put(deliveryId, wait.toMillis());
    return this;
  }

  /** The next {@code calls} calls of either activity fail as a database outage would. */
  ScriptedReceiver databaseDownFor(int calls) {
    databaseDownFor.set(calls);
    return this;
  }

  private void failWhileTheDatabaseIsDown() {
    if (databaseDownFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("Connection to 127.0.0.1:5432 refused");
    }
  }

  @Override
  public DeliveryStart begin(DeliveryRequest request) {
    failWhileTheDatabaseIsDown();
    DeliveryStatus done = finished.get(request.deliveryId());
    int made =
        (int) attempts.stream().filter(a -> a.deliveryId().equals(request.deliveryId())).count();
    if (done != null && !request.redelivery()) {
      return new DeliveryStart(made + 1, done);
    }
    return new DeliveryStart(made + 1, DeliveryStatus.PENDING);
  }

  @Override
  public AttemptOutcome attempt(AttemptRequest request) {
    failWhileTheDatabaseIsDown();
    Deque<Integer> script = answers.get(request.deliveryId());
    int status = script == null || script.isEmpty() ? 200 : script.poll();
    attempts.add(
        new Attempt(
            request.deliveryId(),
            request.attemptNumber(),
            Instant.ofEpochMilli(env.currentTimeMillis()),
            status));
    DeliveryStatus after;
    String result;
    if (status >= 200 && status < 300) {
      after = DeliveryStatus.SUCCEEDED;
      result = "succeeded";
    } else if (status == 410) {
      after = DeliveryStatus.FAILED;
      result = "gone";
    } else {
      after = request.lastAttempt() ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
      result = "failed";
    }
    if (after.isFinal()) {
      finished.put(request.deliveryId(), after);
    }
    return new AttemptOutcome(
        request.attemptNumber(),
        result,
        status,
        after == DeliveryStatus.SUCCEEDED ? null : "HTTP " + status,
        after,
        status == 429 || status == 503 ? retryAfterMillis.get(request.deliveryId()) : null);
  }

  List<String> order() {
    return attempts.stream()
        .map(a -> a.deliveryId() + "#" + a.number() + ":" + a.status())
        .toList();
  }
}
