package io.irisx.workflows.webhook;

import io.irisx.temporal.SearchAttributeCatalogue;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The search attributes of a webhook delivery's workflow: {@code TenantId}, {@code
 * WebhookEndpointId}, {@code EventType} and {@code DeliveryStatus}, so an operator finds "every
 * failed delivery to this endpoint" in the Temporal UI. Versioned under {@value #CHANGE_ID}, so
 * deliveries recorded before the attributes existed replay unchanged.
 */
public final class DeliverySearchAttributes {
  public static final SearchAttributeKey<String> TENANT_ID = SearchAttributeCatalogue.TENANT_ID;
  public static final SearchAttributeKey<String> WEBHOOK_ENDPOINT_ID =
      SearchAttributeCatalogue.WEBHOOK_ENDPOINT_ID;
  public static final SearchAttributeKey<String> EVENT_TYPE = SearchAttributeCatalogue.EVENT_TYPE;
  public static final SearchAttributeKey<String> DELIVERY_STATUS =
      SearchAttributeCatalogue.DELIVERY_STATUS;

  static final String CHANGE_ID = "irisx-delivery-search-attributes";

  private DeliverySearchAttributes() {}

  /** All four; a null value is left unset (a delivery recorded before begin() named them). */
  static void upsert(String tenantId, String endpointId, String eventType, DeliveryStatus status) {
    if (!enabled()) {
      return;
    }
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    if (tenantId != null) {
      updates.add(TENANT_ID.valueSet(tenantId));
    }
    if (endpointId != null) {
      updates.add(WEBHOOK_ENDPOINT_ID.valueSet(endpointId));
    }
    if (eventType != null) {
      updates.add(EVENT_TYPE.valueSet(eventType));
    }
    updates.add(DELIVERY_STATUS.valueSet(status.wireName()));
    Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
  }

  static void upsertStatus(DeliveryStatus status) {
    if (enabled()) {
      Workflow.upsertTypedSearchAttributes(DELIVERY_STATUS.valueSet(status.wireName()));
    }
  }

  private static boolean enabled() {
    return Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) >= 1;
  }
}
