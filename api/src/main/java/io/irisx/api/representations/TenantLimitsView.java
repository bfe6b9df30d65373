package io.irisx.api.representations;

import io.irisx.api.CallLimitSettings;
import io.irisx.db.TenantCallLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's call limits as they apply now; {@code defaulted} names the fields that come from the
 * API's configuration rather than the tenant's own setting.
 */
public record TenantLimitsView(
    String tenantId,
    int callsPerSecond,
    int maxConcurrentCalls,
    int maxQueueWaitSeconds,
    List<String> defaulted) {

  public static TenantLimitsView of(
      String tenantId, TenantCallLimits own, CallLimitSettings defaults) {
    List<String> defaulted = new ArrayList<>();
    if (own.callsPerSecond() == null) {
      defaulted.add("callsPerSecond");
    }
    if (own.maxConcurrentCalls() == null) {
      defaulted.add("maxConcurrentCalls");
    }
    if (own.maxQueueWaitSeconds() == null) {
      defaulted.add("maxQueueWaitSeconds");
    }
    return new TenantLimitsView(
        tenantId,
        own.callsPerSecond() != null ? own.callsPerSecond() : defaults.getCallsPerSecond(),
        own.maxConcurrentCalls() != null
            ? own.maxConcurrentCalls()
            : defaults.getMaxConcurrentCalls(),
        own.maxQueueWaitSeconds() != null
            ? own.maxQueueWaitSeconds()
            : defaults.getMaxQueueWaitSeconds(),
        List.copyOf(defaulted));
  }
}
