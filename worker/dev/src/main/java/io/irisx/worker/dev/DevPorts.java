package io.irisx.worker.dev;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where each piece of the local stack listens on 127.0.0.1; 0 means any free port. */
public record DevPorts(
    int api,
    int apiAdmin,
    int worker,
    int esl,
    int postgres,
    int redis,
    int s3,
    int temporal,
    int temporalUi,
    int simulatorControl) {

  /** How many ports a stack takes from {@code --ports BASE} on. */
  static final int COUNT = 10;

  static final int MIN_BASE = 1024;
  static final int MAX_BASE = 65535 - (COUNT - 1);

  /** The documented ports of {@code ./irisx dev}. */
  static DevPorts defaults() {
    return new DevPorts(8080, 8081, 8091, 8021, 15432, 16379, 19000, 7233, 8233, 8022);
  }

  /** Every port free and chosen at start: for tests, several stacks side by side. */
  static DevPorts ephemeral() {
    return new DevPorts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /**
   * {@code --ports BASE}: BASE to BASE+9 in the order the console lists them: API, its admin,
   * worker, ESL, far-end control, PostgreSQL, Redis, S3, Temporal, Temporal UI.
   */
  public static DevPorts fromBase(int base) {
    if (base < MIN_BASE || base > MAX_BASE) {
      throw new IllegalArgumentException(
          "--ports takes a base from " + MIN_BASE + " to " + MAX_BASE + ", not " + base);
    }
    return new DevPorts(
        base, base + 1, base + 2, base + 3, base + 5, base + 6, base + 7, base + 8, base + 9,
        base + 4);
  }

  /** Each port with what listens on it, for messages; a port of 0 is left out. */
  Map<Integer, String> fixed() {
    Map<Integer, String> named = new LinkedHashMap<>();
    put(named, api, "the API");
    put(named, apiAdmin, "the API's admin");
    put(named, worker, "the worker");
    put(named, esl, "the ESL simulator");
    put(named, simulatorControl, "the far-end control API");
    put(named, postgres, "PostgreSQL");
    put(named, redis, "Redis");
    put(named, s3, "S3Proxy");
    put(named, temporal, "Temporal");
    put(named, temporalUi, "the Temporal UI");
    return named;
  }

  private static void put(Map<Integer, String> named, int port, String what) {
    if (port != 0) {
      named.put(port, what);
    }
  }
}
