package io.irisx.worker.bench;

import io.irisx.activities.webhook.CallDeliveryHandOff;
import io.irisx.activities.webhook.WebhookPublishingImpl;
import io.irisx.db.CallDao;
import io.irisx.db.Jdbis;
import io.irisx.temporal.TemporalConnection;
import io.irisx.worker.bench.WebhookReceiver.Delivery;
import io.irisx.workflows.webhook.CallEventRecord;
import io.irisx.workflows.webhook.PublishedEvent;
import io.irisx.workflows.webhook.WebhookSettings;
import io.irisx.workflows.webhook.WebhookUrlPolicy;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code ./irisx bench webhooks}: call events handed straight to the publisher (the activity the
 * call workflow runs, here called in this process against the stack's database and Temporal), and a
 * local receiver that notes when each event's first request arrives. The stack's worker runs the
 * stream and delivery workflows and their activities, as for real calls; no call is placed, so the
 * figures are the webhook path's alone.
 */
public final class WebhookBench {
  private static final List<String> EVENT_TYPES =
      List.of(
          "call.initiated", "call.ringing", "call.answered", "gather.completed", "call.completed");
  private static final Duration POLL = Duration.ofMillis(200);

  /** Calls whose webhook histories are read after the run. */
  private static final int COSTED_CALLS = 100;

  private final BenchStackInfo stack;
  private final WebhookBenchOptions options;
  private final List<String> notes = new ArrayList<>();

  public WebhookBench(BenchStackInfo stack, WebhookBenchOptions options) {
    this.stack = stack;
    this.options = options;
  }

  /** Published event ids with the time each was handed to the publisher, in microseconds. */
  private record Publish(String eventId, long sentAtMicros, long doneAtMicros) {}

  public WebhookBenchResult run() throws IOException, InterruptedException, SQLException {
    Instant startedAt = Instant.now();
    long startedNanos = System.nanoTime();
    double loadBefore = loadAverage();
    Jdbi jdbi = Jdbi.create(stack.databaseUrl(), "postgres", "");
    Jdbis.configure(jdbi);
    ApiDriver api = new ApiDriver(stack.apiUrl(), stack.apiKey());
    UUID tenant = UUID.fromString(stack.tenantId());
    try (TemporalConnection temporal = BenchRun.temporal(stack);
        WebhookReceiver receiver = WebhookReceiver.start()) {
      WebhookSettings settings = WebhookSettings.localReceivers();
      WebhookUrlPolicy policy = new WebhookUrlPolicy(settings);
      CallDeliveryHandOff handOff = options.shape().handOff(temporal.client());
      WebhookPublishingImpl publisher =
          handOff == null
              ? new WebhookPublishingImpl(jdbi, temporal.client(), policy, settings)
              : new WebhookPublishingImpl(jdbi, temporal.client(), policy, settings, handOff);
      List<UUID> calls = makeCalls(jdbi, tenant, options.calls());
      String endpoint = api.subscribe(receiver.url());
      try {
        Map<String, Publish> published = new ConcurrentHashMap<>();
        Pacer.run(
            calls.size(),
            options.callsPerSecond(),
            options.concurrency(),
            i -> {
              publishCall(publisher, tenant, calls.get(i), eventsOf(i), published);
              return null;
            });
        Map<String, Delivery> received = awaitDeliveries(receiver, published.keySet());
        int succeeded = succeededRows(stack.databaseUrl(), published.keySet());
        double loadAfter = loadAverage();
        CallCosts.WebhookCost cost = cost(calls);
        return result(
            startedAt, startedNanos, loadBefore, loadAfter, published, received, succeeded, cost);
      } finally {
        api.unsubscribe(endpoint);
      }
    }
  }

  /**
   * The histories of the first {@link #COSTED_CALLS} calls' webhook workflows, counted by {@code
   * HistoryCost}: every run of each, and for the older shape its delivery workflows too.
   */
  private CallCosts.WebhookCost cost(List<UUID> calls) {
    List<String> sample = calls.stream().limit(COSTED_CALLS).map(UUID::toString).toList();
    try (CallCosts costs = new CallCosts(stack.temporalTarget(), stack.databaseUrl())) {
      return costs.webhooksOf(sample);
    } catch (SQLException | RuntimeException e) {
      notes.add("the webhook workflows' histories could not be read: " + e);
      return CallCosts.WebhookCost.NONE;
    }
  }

  /** The last call may carry fewer events, so that exactly {@code events} are published. */
  private int eventsOf(int callIndex) {
    int before = callIndex * options.eventsPerCall();
    return Math.min(options.eventsPerCall(), options.events() - before);
  }

  /** Rows for the made-up calls: a delivery refers to its call. */
  private static List<UUID> makeCalls(Jdbi jdbi, UUID tenant, int count) {
    List<UUID> calls = new ArrayList<>(count);
    CallDao dao = jdbi.onDemand(CallDao.class);
    for (int i = 0; i < count; i++) {
      UUID call = UUID.randomUUID();
      dao.insertQueued(
          call, tenant, FarEndNumbers.CALLER, FarEndNumbers.HELLO, "hello", Instant.now());
      calls.add(call);
    }
    return calls;
  }

  /** A call's events one after another, as its workflow publishes them. */
  private void publishCall(
      WebhookPublishingImpl publisher,
      UUID tenant,
      UUID call,
      int events,
      Map<String, Publish> published) {
    for (int sequence = 0; sequence < events; sequence++) {
      String type = EVENT_TYPES.get(sequence % EVENT_TYPES.size());
      long sentAt = Clock.nowMicros();
      try {
        PublishedEvent event =
            publisher.publish(
                new CallEventRecord(
                    tenant.toString(),
                    call.toString(),
                    sequence,
                    type,
                    Instant.now(),
                    Map.of("bench", true, "sequence", sequence),
                    null));
        published.put(event.eventId(), new Publish(event.eventId(), sentAt, Clock.nowMicros()));
      } catch (RuntimeException e) {
        synchronized (notes) {
          if (notes.size() < 5) {
            notes.add("publishing " + type + " of call " + call + " failed: " + e);
          }
        }
      }
    }
  }

  private Map<String, Delivery> awaitDeliveries(
      WebhookReceiver receiver, java.util.Set<String> eventIds) throws InterruptedException {
    long deadline = System.nanoTime() + options.drain().toNanos();
    while (true) {
      Map<String, Delivery> received = new java.util.HashMap<>();
      for (Delivery delivery : receiver.deliveries()) {
        if (eventIds.contains(delivery.id())) {
          received.put(delivery.id(), delivery);
        }
      }
      if (received.size() >= eventIds.size() || System.nanoTime() > deadline) {
        if (received.size() < eventIds.size()) {
          notes.add(
              (eventIds.size() - received.size())
                  + " events had no request within the drain time ("
                  + options.drain().toSeconds()
                  + " s): rerun with a longer --drain to tell slow from lost");
        }
        return received;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private static int succeededRows(String jdbcUrl, java.util.Set<String> eventIds)
      throws SQLException {
    // The row is marked a moment after the receiver answered: give the last ones a few seconds.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int succeeded;
    do {
      try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
          PreparedStatement query =
              connection.prepareStatement(
                  "SELECT count(*) FROM webhook_deliveries WHERE event_id = ANY(?) AND status = 'succeeded'")) {
        query.setArray(
            1, connection.createArrayOf("uuid", eventIds.stream().map(UUID::fromString).toArray()));
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          succeeded = rows.getInt(1);
        }
      }
    } while (succeeded < eventIds.size() && System.nanoTime() < deadline && pause());
    return succeeded;
  }

  private static boolean pause() {
    try {
      Thread.sleep(POLL.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private WebhookBenchResult result(
      Instant startedAt,
      long startedNanos,
      double loadBefore,
      double loadAfter,
      Map<String, Publish> published,
      Map<String, Delivery> received,
      int succeeded,
      CallCosts.WebhookCost cost) {
    long firstSent = published.values().stream().mapToLong(Publish::sentAtMicros).min().orElse(0);
    long lastSent =
        published.values().stream().mapToLong(Publish::sentAtMicros).max().orElse(firstSent);
    long lastArrival =
        received.values().stream().mapToLong(Delivery::receivedAtMicros).max().orElse(firstSent);
    List<Long> publishTimes =
        published.values().stream().map(p -> p.doneAtMicros() - p.sentAtMicros()).toList();
    List<Long> toFirstAttempt = new ArrayList<>();
    received.forEach(
        (id, delivery) ->
            toFirstAttempt.add(delivery.receivedAtMicros() - published.get(id).sentAtMicros()));
    return new WebhookBenchResult(
        stack.backend(),
        stack.temporalServer(),
        startedAt.toString(),
        options.events(),
        options.eventsPerCall(),
        options.perSecond(),
        options.concurrency(),
        options.shape().flag(),
        loadBefore,
        loadAfter,
        Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0,
        published.size(),
        received.size(),
        succeeded,
        perSecond(published.size(), lastSent - firstSent),
        perSecond(received.size(), lastArrival - firstSent),
        Latency.ofMicros(publishTimes),
        Latency.ofMicros(toFirstAttempt),
        costedEvents(cost.calls()),
        cost.workflows(),
        cost.cost(),
        List.copyOf(notes));
  }

  /** Events published for the first {@code calls} calls (the last call may carry fewer). */
  private int costedEvents(int calls) {
    int events = 0;
    for (int i = 0; i < calls; i++) {
      events += eventsOf(i);
    }
    return events;
  }

  private static double perSecond(int count, long micros) {
    return count == 0 ? 0 : Math.round(count / (Math.max(micros, 1) / 1e6) * 10) / 10.0;
  }

  private static double loadAverage() {
    return Math.round(
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                * 100)
        / 100.0;
  }
}
