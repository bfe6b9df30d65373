package io.irisx.worker;

import io.dropwizard.lifecycle.Managed;
import io.irisx.activities.nodes.NodeRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces this worker's node in the registry while its ESL link is up, so new calls are placed
 * only on nodes that can take them; a node whose link or worker is gone drops out by TTL.
 */
final class NodePresence implements Managed {
  private static final Logger log = LoggerFactory.getLogger(NodePresence.class);

  private final NodeRegistry registry;
  private final String nodeId;
  private final BooleanSupplier linkUp;
  private final long periodMillis;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("node-presence").daemon().factory());

  NodePresence(NodeRegistry registry, String nodeId, BooleanSupplier linkUp, long periodMillis) {
    this.registry = registry;
    this.nodeId = nodeId;
    this.linkUp = linkUp;
    this.periodMillis = periodMillis;
  }

  @Override
  public void start() {
    timer.scheduleAtFixedRate(this::refresh, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void refresh() {
    try {
      if (linkUp.getAsBoolean()) {
        registry.announce(nodeId);
      } else {
        registry.withdraw(nodeId);
      }
    } catch (RuntimeException e) {
      log.warn("could not refresh the presence of node {}", nodeId, e);
    }
  }

  @Override
  public void stop() {
    timer.shutdownNow();
    try {
      registry.withdraw(nodeId);
    } catch (RuntimeException e) {
      log.warn("could not withdraw node {}", nodeId, e);
    }
  }
}
