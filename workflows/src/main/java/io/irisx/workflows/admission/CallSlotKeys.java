package io.irisx.workflows.admission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Redis layout of a tenant's call slots, shared by the API (which admits new calls at the door)
 * and the worker (which admits queued ones), so both apply the same rules in one script. Keys share
 * a hash tag: the script's keys live on one Redis Cluster slot.
 */
public final class CallSlotKeys {
  /** The script that takes a slot: {@code take-slot.lua} beside this class. */
  public static final String TAKE_SLOT_SCRIPT = load("take-slot.lua");

  private CallSlotKeys() {}

  /** leases, waiting, rate: the script's KEYS. */
  public static List<Object> of(String tenantId) {
    String prefix = "irisx:calls:{" + tenantId + "}:";
    return List.of(prefix + "leases", prefix + "waiting", prefix + "rate");
  }

  public static String leases(String tenantId) {
    return (String) of(tenantId).get(0);
  }

  public static String waiting(String tenantId) {
    return (String) of(tenantId).get(1);
  }

  /**
   * The take-slot script's ARGV, in the order it reads them; {@code mode} is {@code door}, {@code
   * queue} (API) or {@code head} (the tenant's queue granting its first call).
   */
  public static Object[] takeSlotArguments(String callId, CallAdmission limits, String mode) {
    return new Object[] {
      callId,
      String.valueOf(limits.maxConcurrentCalls()),
      String.valueOf(limits.callsPerSecond()),
      String.valueOf(limits.leaseSeconds() * 1000L),
      mode,
      String.valueOf(staleWaitMillis(limits))
    };
  }

  /** How long a waiting entry may stay: the longest wait plus a lease (then it is stale). */
  public static long staleWaitMillis(CallAdmission limits) {
    return (limits.maxWaitSeconds() + (long) limits.leaseSeconds()) * 1000L;
  }

  private static String load(String name) {
    try (InputStream in = CallSlotKeys.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
