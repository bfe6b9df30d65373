package io.irisx.temporal;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom search attributes IRISX registers in its namespace and its workflows upsert, so an
 * operator can find a call or a webhook delivery in the Temporal UI ({@code CallId="…"}, {@code
 * TenantId="…" AND CallStatus="busy"}). All are keywords: exact match, no tokenising; ten in all,
 * which is the keyword budget of Temporal's SQL visibility stores.
 */
public final class SearchAttributeCatalogue {
  public static final SearchAttributeKey<String> TENANT_ID =
      SearchAttributeKey.forKeyword("TenantId");
  public static final SearchAttributeKey<String> CALL_ID = SearchAttributeKey.forKeyword("CallId");
  public static final SearchAttributeKey<String> CALL_DIRECTION =
      SearchAttributeKey.forKeyword("CallDirection");
  public static final SearchAttributeKey<String> CALL_STATUS =
      SearchAttributeKey.forKeyword("CallStatus");
  public static final SearchAttributeKey<String> FROM_NUMBER =
      SearchAttributeKey.forKeyword("FromNumber");
  public static final SearchAttributeKey<String> TO_NUMBER =
      SearchAttributeKey.forKeyword("ToNumber");
  public static final SearchAttributeKey<String> FLOW_NAME =
      SearchAttributeKey.forKeyword("FlowName");
  public static final SearchAttributeKey<String> WEBHOOK_ENDPOINT_ID =
      SearchAttributeKey.forKeyword("WebhookEndpointId");
  public static final SearchAttributeKey<String> EVENT_TYPE =
      SearchAttributeKey.forKeyword("EventType");
  public static final SearchAttributeKey<String> DELIVERY_STATUS =
      SearchAttributeKey.forKeyword("DeliveryStatus");

  /** Call workflows carry these. */
  public static final List<SearchAttributeKey<String>> CALLS =
      List.of(TENANT_ID, CALL_ID, CALL_DIRECTION, CALL_STATUS, FROM_NUMBER, TO_NUMBER, FLOW_NAME);

  /** Webhook-delivery workflows carry these. */
  public static final List<SearchAttributeKey<String>> DELIVERIES =
      List.of(TENANT_ID, WEBHOOK_ENDPOINT_ID, EVENT_TYPE, DELIVERY_STATUS);

  private SearchAttributeCatalogue() {}

  /** Every attribute by name with the type the namespace must index it as. */
  public static Map<String, IndexedValueType> registrations() {
    Map<String, IndexedValueType> all = new LinkedHashMap<>();
    for (SearchAttributeKey<String> key : CALLS) {
      all.put(key.getName(), key.getValueType());
    }
    for (SearchAttributeKey<String> key : DELIVERIES) {
      all.put(key.getName(), key.getValueType());
    }
    return all;
  }
}
