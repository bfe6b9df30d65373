package io.irisx.temporal;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.context.ContextPropagator;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.GlobalDataConverter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Carries the log context of a call ({@value #CALL_ID} and {@value #TENANT_ID} in the SLF4J MDC)
 * across Temporal: from the thread that starts or signals a workflow into the workflow, and from a
 * workflow into every activity it schedules, so each log line about a call names the call and its
 * tenant whichever process and thread writes it. Only these two keys travel; nothing secret is ever
 * put in them.
 */
public final class LogContext implements ContextPropagator {
  public static final String CALL_ID = "callId";
  public static final String TENANT_ID = "tenantId";
  static final List<String> KEYS = List.of(CALL_ID, TENANT_ID);
  private static final String HEADER_PREFIX = "irisx-log-";

  @Override
  public String getName() {
    return "irisx-log-context";
  }

  @Override
  public Map<String, Payload> serializeContext(Object context) {
    DataConverter converter = GlobalDataConverter.get();
    Map<String, Payload> payloads = new HashMap<>();
    asMap(context)
        .forEach(
            (key, value) ->
                converter
                    .toPayload(value)
                    .ifPresent(payload -> payloads.put(HEADER_PREFIX + key, payload)));
    return payloads;
  }

  @Override
  public Object deserializeContext(Map<String, Payload> header) {
    DataConverter converter = GlobalDataConverter.get();
    Map<String, String> context = new HashMap<>();
    for (String key : KEYS) {
      Payload payload = header.get(HEADER_PREFIX + key);
      if (payload != null) {
        context.put(key, converter.fromPayload(payload, String.class, String.class));
      }
    }
    return context;
  }

  @Override
  public Object getCurrentContext() {
    Map<String, String> context = new HashMap<>();
    for (String key : KEYS) {
      String value = MDC.get(key);
      if (value != null) {
        context.put(key, value);
      }
    }
    return context;
  }

  /**
   * Puts or removes each key: pooled threads must not keep an earlier call's context. A context
   * that names the call but not its tenant (a signal from the ESL bridge, which knows only the
   * call) keeps the tenant already known for that same call.
   */
  @Override
  public void setCurrentContext(Object context) {
    Map<String, String> values = asMap(context);
    String callId = values.get(CALL_ID);
    String tenantId = values.get(TENANT_ID);
    if (tenantId == null && (callId == null || !callId.equals(MDC.get(CALL_ID)))) {
      MDC.remove(TENANT_ID);
    }
    put(CALL_ID, callId);
    if (tenantId != null) {
      MDC.put(TENANT_ID, tenantId);
    }
  }

  /** Sets the call's keys on this thread; closing the scope restores what was there. */
  public static Scope forCall(@Nullable String callId, @Nullable String tenantId) {
    Map<String, String> before = new HashMap<>();
    for (String key : KEYS) {
      before.put(key, MDC.get(key));
    }
    put(CALL_ID, callId);
    put(TENANT_ID, tenantId);
    return () -> before.forEach(LogContext::put);
  }

  /** An MDC scope that does not throw on close. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  private static void put(String key, @Nullable String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> asMap(Object context) {
    return context instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
  }
}
