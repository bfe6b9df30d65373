package io.irisx.activities.nodes;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;

/**
 * Which FreeSWITCH nodes have a live worker, kept in Redis: each worker refreshes a key with a
 * time-to-live while its ESL link is up, so a node whose worker dies drops out on its own.
 */
public final class NodeRegistry {
  private static final String KEY_PREFIX = "irisx:node:";
  private final RedissonClient redis;
  private final Duration ttl;

  public NodeRegistry(RedissonClient redis, Duration ttl) {
    this.redis = redis;
    this.ttl = ttl;
  }

  public void announce(String nodeId) {
    redis.getBucket(KEY_PREFIX + nodeId).set(nodeId, ttl);
  }

  public void withdraw(String nodeId) {
    redis.getBucket(KEY_PREFIX + nodeId).delete();
  }

  /** The live nodes, sorted, so that every caller sees them in the same order. */
  public List<String> liveNodes() {
    Iterable<String> keys =
        redis.getKeys().getKeys(KeysScanOptions.defaults().pattern(KEY_PREFIX + "*"));
    return StreamSupport.stream(keys.spliterator(), false)
        .map(key -> key.substring(KEY_PREFIX.length()))
        .sorted()
        .toList();
  }

  /** A counter shared by every worker, to spread calls over the live nodes in turn. */
  long nextTurn() {
    return redis.getAtomicLong("irisx:node-turn").getAndIncrement();
  }
}
