package io.irisx.workflows.flow;

import io.irisx.workflows.call.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks params against the declared parameters of the flow they are for, the way the API does
 * before a call is dialled, a number saved or a call redirected: every name declared, every value
 * of its kind, numbers in range (never replaced by a default), media playable, numbers strict
 * E.164; a menu's options are checked through to the params of the flows they transfer to. Pure
 * code: URLs are collected for the address policy, not resolved here.
 */
public final class FlowParamsCheck {
  /** A menu may transfer to a flow with a menu, and so on; a deeper nesting is a mistake. */
  static final int MAX_DEPTH = 4;

  private static final int MAX_REPORTED = 20;

  private final CallFlows flows;

  public FlowParamsCheck(CallFlows flows) {
    this.flows = flows;
  }

  /** The params of a known flow, reported under {@code params.*}. */
  public CheckedParams check(String flow, Map<String, Object> params) {
    Walk walk = new Walk();
    walk.flow(flow, params == null ? Map.of() : params, "params", 0);
    return new CheckedParams(walk.problems.stream().limit(MAX_REPORTED).toList(), walk.mediaUrls);
  }

  private final class Walk {
    final List<ParamProblem> problems = new ArrayList<>();
    final List<CheckedParams.MediaUrl> mediaUrls = new ArrayList<>();

    void flow(String flow, Map<String, Object> params, String at, int depth) {
      FlowParameters declared = flows.parameters(flow).orElse(FlowParameters.NONE);
      for (String name : new TreeSet<>(params.keySet())) {
        String field = at + "." + name;
        var parameter = declared.named(name);
        if (parameter.isEmpty()) {
          problems.add(
              new ParamProblem(
                  field,
                  declared.parameters().isEmpty()
                      ? "is not a parameter: flow '" + flow + "' takes no params"
                      : "is not a parameter of flow '"
                          + flow
                          + "' (it takes "
                          + names(declared)
                          + ")"));
          continue;
        }
        Object value = params.get(name);
        if (value != null) {
          value(parameter.get(), value, field, depth);
        }
      }
      for (FlowParameter parameter : declared.parameters()) {
        if (parameter.required() && params.get(parameter.name()) == null) {
          problems.add(new ParamProblem(at + "." + parameter.name(), "is required"));
        }
      }
    }

    void value(FlowParameter parameter, Object value, String field, int depth) {
      switch (parameter.kind()) {
        case MEDIA -> media(value, field);
        case NUMBER -> {
          if (!(value instanceof String text) || !PhoneNumber.isE164(text)) {
            problems.add(new ParamProblem(field, "must be " + parameter.kind().shape()));
          }
        }
        case INTEGER -> {
          if (!isWhole(value)
              || ((Number) value).longValue() < parameter.min()
              || ((Number) value).longValue() > parameter.max()) {
            problems.add(
                new ParamProblem(
                    field,
                    "must be a whole number from " + parameter.min() + " to " + parameter.max()));
          }
        }
        case BOOLEAN -> {
          if (!(value instanceof Boolean)) {
            problems.add(new ParamProblem(field, "must be " + parameter.kind().shape()));
          }
        }
        case TEXT -> {
          if (!(value instanceof String text) || text.length() > parameter.max()) {
            problems.add(
                new ParamProblem(
                    field, "must be a string of at most " + parameter.max() + " characters"));
          }
        }
        case MENU -> menu(value, field, depth);
      }
    }

    void media(Object value, String field) {
      if (!(value instanceof String reference)) {
        problems.add(new ParamProblem(field, "must be " + FlowParameter.Kind.MEDIA.shape()));
        return;
      }
      try {
        Media media = Media.parse(reference);
        if (media.kind() == Media.Kind.URL) {
          mediaUrls.add(new CheckedParams.MediaUrl(field, media));
        }
      } catch (IllegalArgumentException notPlayable) {
        problems.add(new ParamProblem(field, "must be " + FlowParameter.Kind.MEDIA.shape()));
      }
    }

    void menu(Object value, String field, int depth) {
      if (!(value instanceof Map<?, ?> options)) {
        problems.add(new ParamProblem(field, "must be " + FlowParameter.Kind.MENU.shape()));
        return;
      }
      for (Map.Entry<?, ?> option : options.entrySet()) {
        String key = String.valueOf(option.getKey());
        String at = field + "." + key;
        if (!key.matches("[0-9*#]")) {
          problems.add(new ParamProblem(at, "is not a key: keys are one of 0-9 * #"));
        } else if (!(option.getValue() instanceof Map<?, ?> action)) {
          problems.add(
              new ParamProblem(at, "must be an object with one of flow, number or prompt"));
        } else {
          action(action, at, depth);
        }
      }
    }

    @SuppressWarnings("unchecked")
    void action(Map<?, ?> action, String at, int depth) {
      List<String> given =
          List.of("flow", "number", "prompt").stream().filter(action::containsKey).toList();
      for (Object key : action.keySet()) {
        if (!List.of("flow", "params", "number", "prompt").contains(String.valueOf(key))) {
          problems.add(new ParamProblem(at + "." + key, "is not a known field"));
        }
      }
      if (given.size() != 1) {
        problems.add(new ParamProblem(at, "must have exactly one of flow, number or prompt"));
        return;
      }
      if (action.containsKey("params") && !given.get(0).equals("flow")) {
        problems.add(new ParamProblem(at + ".params", "goes with flow only"));
      }
      switch (given.get(0)) {
        case "number" -> {
          if (!(action.get("number") instanceof String number) || !PhoneNumber.isE164(number)) {
            problems.add(
                new ParamProblem(at + ".number", "must be " + FlowParameter.Kind.NUMBER.shape()));
          }
        }
        case "prompt" -> media(action.get("prompt"), at + ".prompt");
        default -> {
          Object flow = action.get("flow");
          Object params = action.get("params");
          if (!(flow instanceof String name) || !flows.contains(name)) {
            problems.add(
                new ParamProblem(
                    at + ".flow", "must name a known flow: " + String.join(", ", flows.names())));
          } else if (params != null && !(params instanceof Map<?, ?>)) {
            problems.add(new ParamProblem(at + ".params", "must be a JSON object"));
          } else if (depth + 1 >= MAX_DEPTH) {
            problems.add(
                new ParamProblem(at, "nests menus more than " + MAX_DEPTH + " flows deep"));
          } else {
            flow(
                name,
                params == null ? Map.of() : (Map<String, Object>) params,
                at + ".params",
                depth + 1);
          }
        }
      }
    }
  }

  private static boolean isWhole(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return true;
    }
    if (value instanceof java.math.BigInteger big) {
      return big.bitLength() < 63;
    }
    return false;
  }

  private static String names(FlowParameters declared) {
    return String.join(", ", declared.parameters().stream().map(FlowParameter::name).toList());
  }
}
