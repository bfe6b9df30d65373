package io.irisx.api.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irisx.api.errors.FieldError;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.flow.CheckedParams;
import io.irisx.workflows.flow.FlowParamsCheck;
import io.irisx.workflows.webhook.WebhookUrlPolicy;
import io.irisx.workflows.webhook.WebhookUrlRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A flow's params as every route that takes them checks them ({@code POST /v1/calls}, {@code POST}
 * and {@code PATCH /v1/phone-numbers}, {@code /redirect}): at most {@link
 * FlowParamsLimit#MAX_PARAMS_BYTES} of JSON, then the flow's declared parameters ({@link
 * FlowParamsCheck}), then every https media URL through the same address policy as webhooks (the
 * switch fetches them from inside the network). Field names are the JSON paths ({@code
 * params.options.1.number}).
 */
public final class FlowParamsValidator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FlowParamsCheck check;
  private final WebhookUrlPolicy urls;

  public FlowParamsValidator(CallFlows flows, WebhookUrlPolicy urls) {
    this.check = new FlowParamsCheck(flows);
    this.urls = urls;
  }

  /** What is wrong with {@code params} for the known flow {@code flow}; empty when nothing. */
  public List<FieldError> problems(String flow, @Nullable Map<String, Object> params) {
    if (params == null || params.isEmpty()) {
      params = Map.of();
    } else if (jsonBytes(params) > FlowParamsLimit.MAX_PARAMS_BYTES) {
      return List.of(
          new FieldError(
              "params", "is larger than " + FlowParamsLimit.MAX_PARAMS_BYTES + " bytes of JSON"));
    }
    CheckedParams checked = check.check(flow, params);
    List<FieldError> problems = new ArrayList<>();
    checked.problems().forEach(p -> problems.add(new FieldError(p.field(), p.message())));
    if (problems.isEmpty()) {
      for (CheckedParams.MediaUrl url : checked.mediaUrls()) {
        try {
          urls.checkMedia(url.media().value());
        } catch (WebhookUrlRefusedException refused) {
          problems.add(new FieldError(url.field(), "is not allowed: " + refused.getMessage()));
        }
      }
    }
    return problems;
  }

  private static int jsonBytes(Map<String, Object> params) {
    try {
      return JSON.writeValueAsString(params).getBytes(StandardCharsets.UTF_8).length;
    } catch (JsonProcessingException e) {
      return Integer.MAX_VALUE;
    }
  }
}
