package io.irisx.worker.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hostile-input table: every string a client can send that could reach the switch, on every
 * route that takes it. Grows with every defect found (issue 17 lists where each came from).
 */
final class HostileInputs {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request, and the field its 422 must name (null: any 4xx problem will do). */
  record Hostile(String method, String path, String body, String field) {
    @Override
    public String toString() {
      String shown = body.length() > 140 ? body.substring(0, 140) + "…" : body;
      return method + " " + path + " " + shown.replace("\n", "\\n");
    }
  }

  /** Media references: paths out of the sound root, injection, SSRF, wrong types. */
  static final List<Object> MEDIA =
      List.of(
          "/etc/passwd",
          "//etc//passwd",
          "../../etc/passwd",
          "ivr/../../../etc/shadow",
          "/var/lib/irisx/recordings/other-tenant/call.wav",
          "ivr//ivr-welcome.wav",
          "ivr/ivr-welcome.wav\n\napi hupall",
          "ivr/ivr-welcome.wav both",
          "ivr/ivr-welcome.wav\r\nbgapi originate sofia/gateway/x/1 &park()",
          "${system(id)}",
          "{absolute_codec_string=PCMU}ivr/welcome.wav",
          "hangup::NORMAL_CLEARING",
          "ivr/welcome.wav::hangup",
          "tone_stream://%(1,1,1)::hangup",
          "tone_stream://%(1,1,1) both",
          "silence_stream://500;hangup",
          "say:it's over",
          "say:a|b|c",
          "say:${system(reboot)}",
          "say:hi\n\napi hupall",
          "say:",
          "http_cache://https://169.254.169.254/latest/meta-data/iam",
          "http_cache://https://127.0.0.1/a.wav",
          "http_cache://https://10.0.0.8/a.wav",
          "http_cache://https://192.168.1.1/a.wav",
          "http_cache://https://93.184.215.14/a.wav",
          "http_cache://https://2130706433/a.wav",
          "http_cache://https://0x7f.0.0.1/a.wav",
          "http_cache://https://[::1]/a.wav",
          "http_cache://https://metadata.google.internal/computeMetadata/v1/",
          "http_cache://http://cdn.example.com/a.wav",
          "http_cache://https://user:pw@cdn.example.com/a.wav",
          "http_cache://https://cdn.example.com/a b.wav",
          "http_cache://https://cdn.example.com/../a.wav",
          "https://cdn.example.com/a.wav",
          "shout://evil.example.com/a.mp3",
          "local_stream://moh",
          "phrase:voicemail_record_message",
          "ivr/" + "a".repeat(600) + ".wav",
          "",
          " ",
          "ivr/welcome\u0000.wav",
          "ivr/\u202ewelcome.wav",
          123,
          true,
          List.of("ivr/ivr-welcome.wav"),
          Map.of("file", "ivr/ivr-welcome.wav"));

  /** Numbers that are not strict E.164, or try to be more than a number. */
  static final List<Object> NUMBERS =
      List.of(
          "+1 555 0100",
          "+15550100;x=1",
          "+15550100\n",
          "15550100",
          "+0123",
          "+1234567890123456",
          "+15550100,sip_h_X-Evil=1",
          "${caller_id_number}",
          "sofia/gateway/evil/15550100",
          "+15550100 &bridge(x)",
          "",
          15550100,
          List.of("+15550100"));

  /**
   * Whole numbers out of every shipped range or of the wrong type; each must be refused, not
   * defaulted (0 is in silenceSeconds' range: it has its own cases below).
   */
  static final List<Object> INTEGERS =
      List.of(-1, 100_000, 1.5, "30", true, 9_999_999_999L, List.of(5), Map.of());

  private static final Map<String, List<String>> MEDIA_PARAMS =
      Map.of(
          "reminder", List.of("message", "menu", "thanks"),
          "voicemail", List.of("greeting", "thanks"),
          "ivr", List.of("prompt", "goodbye"),
          "click-to-call", List.of("whisper"));

  private static final Map<String, List<String>> NUMBER_PARAMS =
      Map.of("click-to-call", List.of("customer", "callerId"), "ivr", List.of("operator"));

  private static final Map<String, List<String>> INTEGER_PARAMS =
      Map.of(
          "voicemail", List.of("maxSeconds", "silenceSeconds"),
          "ivr", List.of("retries"),
          "click-to-call", List.of("ringSeconds"));

  private HostileInputs() {}

  /**
   * The hostile requests; {@code liveCall} is a call that rings, {@code numberId} a number. {@code
   * full}: every params case on each of the four routes that take params; otherwise each case on
   * one of them in turn (every case and every route still tried, in a quarter of the time).
   */
  static List<Hostile> all(String liveCall, String numberId, boolean full) {
    List<Hostile> table = new ArrayList<>();
    List<ParamsCase> cases = paramsCases();
    for (int i = 0; i < cases.size(); i++) {
      List<Hostile> routes = onEveryParamsRoute(cases.get(i), liveCall, numberId);
      if (full) {
        table.addAll(routes);
      } else {
        table.add(routes.get(i % routes.size()));
      }
    }
    for (Object value : MEDIA) {
      for (String kind : List.of("file", "url", "tone", "text")) {
        Object asKind = value;
        if (value instanceof String text && kind.equals("url")) {
          asKind = text.startsWith("http_cache://") ? text.substring(13) : text;
        }
        table.add(
            new Hostile(
                "POST",
                "/v1/calls/" + liveCall + "/play",
                object(Map.of(kind, asKind)),
                asKind instanceof String ? kind : null));
      }
    }
    for (Object digits :
        List.of(
            "1\n\napi hupall",
            "1 2",
            "${x}",
            "12345678901234567890123456789012345678901234567890123456789012345",
            "",
            12,
            "1;2")) {
      table.add(
          new Hostile(
              "POST", "/v1/calls/" + liveCall + "/dtmf", object(Map.of("digits", digits)), null));
    }
    for (Object cause :
        List.of("NORMAL_CLEARING\n\napi hupall", "normal clearing", "${x}", "X", 16)) {
      table.add(
          new Hostile(
              "POST", "/v1/calls/" + liveCall + "/hangup", object(Map.of("cause", cause)), null));
    }
    for (Object number : NUMBERS) {
      table.add(
          new Hostile(
              "POST",
              "/v1/calls",
              object(Map.of("from", "+15550100", "to", number, "flow", "hello")),
              "to"));
      table.add(
          new Hostile(
              "POST",
              "/v1/calls",
              object(Map.of("from", number, "to", "+15550111", "flow", "hello")),
              "from"));
      table.add(
          new Hostile(
              "POST",
              "/v1/phone-numbers",
              object(Map.of("number", number, "flow", "hello")),
              "number"));
    }
    return table;
  }

  /** A flow, params that are wrong in one place, and the field that must be named. */
  record ParamsCase(String flow, Map<String, Object> params, String field) {}

  static List<ParamsCase> paramsCases() {
    List<ParamsCase> cases = new ArrayList<>();
    MEDIA_PARAMS.forEach(
        (flow, names) ->
            names.forEach(name -> MEDIA.forEach(value -> cases.add(one(flow, name, value)))));
    NUMBER_PARAMS.forEach(
        (flow, names) ->
            names.forEach(name -> NUMBERS.forEach(value -> cases.add(one(flow, name, value)))));
    INTEGER_PARAMS.forEach(
        (flow, names) ->
            names.forEach(name -> INTEGERS.forEach(value -> cases.add(one(flow, name, value)))));
    for (Object value : MEDIA) {
      cases.add(
          new ParamsCase(
              "ivr",
              Map.of("options", Map.of("1", Map.of("prompt", value))),
              "params.options.1.prompt"));
      cases.add(
          new ParamsCase(
              "ivr",
              Map.of(
                  "options",
                  Map.of("1", Map.of("flow", "reminder", "params", Map.of("message", value)))),
              "params.options.1.params.message"));
    }
    for (Object value : NUMBERS) {
      cases.add(
          new ParamsCase(
              "ivr",
              Map.of("options", Map.of("2", Map.of("number", value))),
              "params.options.2.number"));
    }
    cases.add(new ParamsCase("voicemail", Map.of("maxSeconds", 0), "params.maxSeconds"));
    cases.add(new ParamsCase("ivr", Map.of("retries", 0), "params.retries"));
    cases.add(
        new ParamsCase(
            "click-to-call",
            Map.of("customer", "+15550123", "ringSeconds", 4),
            "params.ringSeconds"));
    cases.add(new ParamsCase("hello", Map.of("message", "ivr/ivr-welcome.wav"), "params.message"));
    cases.add(new ParamsCase("click-to-call", Map.of(), "params.customer"));
    return cases;
  }

  private static ParamsCase one(String flow, String name, Object value) {
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put(name, value);
    if (flow.equals("click-to-call") && !name.equals("customer")) {
      params.put("customer", "+15550123");
    }
    return new ParamsCase(flow, params, "params." + name);
  }

  private static List<Hostile> onEveryParamsRoute(
      ParamsCase bad, String liveCall, String numberId) {
    Map<String, Object> flowAndParams = Map.of("flow", bad.flow(), "params", bad.params());
    return List.of(
        new Hostile(
            "POST",
            "/v1/calls",
            object(
                Map.of(
                    "from",
                    "+15550100",
                    "to",
                    "+15550111",
                    "flow",
                    bad.flow(),
                    "params",
                    bad.params())),
            bad.field()),
        new Hostile(
            "POST",
            "/v1/phone-numbers",
            object(Map.of("number", "+15559990001", "flow", bad.flow(), "params", bad.params())),
            bad.field()),
        new Hostile("PATCH", "/v1/phone-numbers/" + numberId, object(flowAndParams), bad.field()),
        new Hostile(
            "POST", "/v1/calls/" + liveCall + "/redirect", object(flowAndParams), bad.field()));
  }

  private static String object(Map<String, Object> fields) {
    ObjectNode node = JSON.createObjectNode();
    fields.forEach((name, value) -> node.set(name, JSON.valueToTree(value)));
    return node.toString();
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
