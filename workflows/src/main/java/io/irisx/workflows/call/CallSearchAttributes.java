package io.irisx.workflows.call;

import io.irisx.temporal.SearchAttributeCatalogue;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The search attributes of a call's workflow, so an operator finds it in the Temporal UI by {@code
 * CallId="…"}, {@code TenantId="…"}, {@code CallStatus="busy"}, numbers or flow. Call from workflow
 * code only. Upserts are versioned under {@value #CHANGE_ID}: replaying a history recorded before
 * they existed skips them, so calls in flight during a deployment keep replaying.
 */
public final class CallSearchAttributes {
  public static final SearchAttributeKey<String> TENANT_ID = SearchAttributeCatalogue.TENANT_ID;
  public static final SearchAttributeKey<String> CALL_ID = SearchAttributeCatalogue.CALL_ID;
  public static final SearchAttributeKey<String> CALL_DIRECTION =
      SearchAttributeCatalogue.CALL_DIRECTION;
  public static final SearchAttributeKey<String> CALL_STATUS = SearchAttributeCatalogue.CALL_STATUS;
  public static final SearchAttributeKey<String> FROM_NUMBER = SearchAttributeCatalogue.FROM_NUMBER;
  public static final SearchAttributeKey<String> TO_NUMBER = SearchAttributeCatalogue.TO_NUMBER;
  public static final SearchAttributeKey<String> FLOW_NAME = SearchAttributeCatalogue.FLOW_NAME;

  public static final String OUTBOUND = "outbound";
  public static final String INBOUND = "inbound";

  /** The {@code Workflow.getVersion} change id that guards the upserts. */
  static final String CHANGE_ID = "irisx-call-search-attributes";

  private CallSearchAttributes() {}

  /**
   * Sets all of a call's attributes; a null value leaves that attribute unset. {@code direction} is
   * {@value #OUTBOUND} or {@value #INBOUND}.
   */
  public static void upsert(
      String tenantId,
      String callId,
      String direction,
      CallStatus status,
      String from,
      String to,
      String flow) {
    if (!enabled()) {
      return;
    }
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    set(updates, TENANT_ID, tenantId);
    set(updates, CALL_ID, callId);
    set(updates, CALL_DIRECTION, direction);
    set(updates, CALL_STATUS, status == null ? null : status.wireName());
    set(updates, FROM_NUMBER, from);
    set(updates, TO_NUMBER, to);
    set(updates, FLOW_NAME, flow);
    Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
  }

  /** All of a call's attributes from its request, with the status it has now. */
  public static void upsert(CallRequest request, CallStatus status) {
    upsert(
        request.tenantId(),
        request.callId(),
        request.inbound() == null ? OUTBOUND : INBOUND,
        status,
        request.from(),
        request.to(),
        request.flow());
  }

  /** Only the status, as the call moves on (queued, ringing, in-progress, then a final one). */
  public static void upsertStatus(CallStatus status) {
    if (enabled() && status != null) {
      Workflow.upsertTypedSearchAttributes(CALL_STATUS.valueSet(status.wireName()));
    }
  }

  /** Only the flow, when a redirect or transfer runs another one. */
  public static void upsertFlow(String flow) {
    if (enabled() && flow != null) {
      Workflow.upsertTypedSearchAttributes(FLOW_NAME.valueSet(flow));
    }
  }

  /**
   * The attributes a call's workflow starts with (status {@code queued}), set by whoever starts it
   * ({@code WorkflowOptions.setTypedSearchAttributes}): the call is findable by its id from the
   * first moment, before its workflow has run a single task.
   */
  public static SearchAttributes initial(CallRequest request) {
    SearchAttributes.Builder attributes =
        SearchAttributes.newBuilder()
            .set(CALL_ID, request.callId())
            .set(CALL_DIRECTION, request.inbound() == null ? OUTBOUND : INBOUND)
            .set(CALL_STATUS, CallStatus.QUEUED.wireName());
    if (request.tenantId() != null) {
      attributes.set(TENANT_ID, request.tenantId());
    }
    if (request.from() != null) {
      attributes.set(FROM_NUMBER, request.from());
    }
    if (request.to() != null) {
      attributes.set(TO_NUMBER, request.to());
    }
    if (request.flow() != null) {
      attributes.set(FLOW_NAME, request.flow());
    }
    return attributes.build();
  }

  private static boolean enabled() {
    return Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  private static void set(
      List<SearchAttributeUpdate<?>> updates, SearchAttributeKey<String> key, String value) {
    updates.add(value == null ? key.valueUnset() : key.valueSet(value));
  }
}
