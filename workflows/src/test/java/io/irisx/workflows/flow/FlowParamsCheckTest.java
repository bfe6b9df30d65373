package io.irisx.workflows.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped flows' declared parameters: each hostile value is refused naming its field, numbers
 * out of range are refused (not replaced by a default), menus are checked through to the flows they
 * transfer to, and a flow that declares nothing takes nothing.
 */
class FlowParamsCheckTest {
  private final FlowParamsCheck check = new FlowParamsCheck(CallFlows.builtIn());

  private List<String> refused(String flow, Map<String, Object> params) {
    return check.check(flow, params).problems().stream().map(ParamProblem::field).toList();
  }

  @Test
  void wellFormedParamsOfEveryShippedFlowPass() {
    assertThat(refused("hello", Map.of())).isEmpty();
    assertThat(
            refused(
                "reminder",
                Map.of("message", "say:Your appointment is at nine", "menu", "ivr/menu.wav")))
        .isEmpty();
    assertThat(refused("voicemail", Map.of("maxSeconds", 3600, "silenceSeconds", 0))).isEmpty();
    assertThat(
            refused(
                "ivr",
                Map.of(
                    "retries",
                    10,
                    "operator",
                    "+15550199",
                    "options",
                    Map.of(
                        "1", Map.of("flow", "reminder", "params", Map.of("thanks", "a.wav")),
                        "2", Map.of("number", "+15550123"),
                        "#", Map.of("prompt", "tone_stream://%(250,50,440)")))))
        .isEmpty();
    assertThat(refused("click-to-call", Map.of("customer", "+15550123", "ringSeconds", 5)))
        .isEmpty();
  }

  @Test
  void hostileMediaIsRefusedNamingTheField() {
    for (String hostile :
        List.of(
            "/etc/passwd",
            "//etc//passwd",
            "../../etc/passwd",
            "a.wav\n\napi hupall",
            "say:it's",
            "tone_stream://%(1,1,1)::hangup",
            "http_cache://https://169.254.169.254/latest",
            "http_cache://http://example.com/a.wav",
            "https://example.com/a.wav",
            "")) {
      assertThat(refused("reminder", Map.of("message", hostile))).containsExactly("params.message");
    }
    assertThat(refused("reminder", Map.of("menu", 123))).containsExactly("params.menu");
  }

  @Test
  void numbersOutOfRangeAreRefusedNotDefaulted() {
    assertThat(refused("voicemail", Map.of("maxSeconds", 0))).containsExactly("params.maxSeconds");
    assertThat(refused("voicemail", Map.of("maxSeconds", 3601)))
        .containsExactly("params.maxSeconds");
    assertThat(refused("voicemail", Map.of("maxSeconds", 1.5)))
        .containsExactly("params.maxSeconds");
    assertThat(refused("voicemail", Map.of("maxSeconds", "60")))
        .containsExactly("params.maxSeconds");
    assertThat(refused("ivr", Map.of("retries", 11))).containsExactly("params.retries");
    assertThat(refused("click-to-call", Map.of("customer", "+15550123", "ringSeconds", 121)))
        .containsExactly("params.ringSeconds");
  }

  @Test
  void phoneNumbersAreStrictE164AndRequiredOnesAreRequired() {
    assertThat(refused("click-to-call", Map.of())).containsExactly("params.customer");
    assertThat(refused("click-to-call", Map.of("customer", "+1 555 0123")))
        .containsExactly("params.customer");
    assertThat(refused("click-to-call", Map.of("customer", "+15550123", "callerId", "${x}")))
        .containsExactly("params.callerId");
    assertThat(refused("ivr", Map.of("operator", "sofia/gateway/x/1")))
        .containsExactly("params.operator");
  }

  @Test
  void menusAreCheckedThroughToTheFlowsTheyTransferTo() {
    assertThat(
            refused(
                "ivr",
                Map.of(
                    "options",
                    Map.of(
                        "1", Map.of("flow", "reminder", "params", Map.of("message", "/etc/passwd")),
                        "2", Map.of("number", "+0"),
                        "3", Map.of("prompt", "../x.wav"),
                        "4", Map.of("flow", "nope"),
                        "x", Map.of("prompt", "a.wav"),
                        "5", Map.of("prompt", "a.wav", "number", "+15550123")))))
        .containsExactlyInAnyOrder(
            "params.options.1.params.message",
            "params.options.2.number",
            "params.options.3.prompt",
            "params.options.4.flow",
            "params.options.x",
            "params.options.5");
  }

  @Test
  void undeclaredNamesAreRefusedAndAFlowDeclaringNothingTakesNothing() {
    assertThat(refused("hello", Map.of("message", "a.wav"))).containsExactly("params.message");
    assertThat(refused("voicemail", Map.of("maxSecond", 10))).containsExactly("params.maxSecond");
    CallFlows mine =
        CallFlows.builtIn()
            .with(
                "support-line",
                HelloFlow::new,
                FlowParameters.of(FlowParameter.media("welcome", "the greeting")));
    FlowParamsCheck own = new FlowParamsCheck(mine);
    assertThat(own.check("support-line", Map.of("welcome", "support/hi.wav")).ok()).isTrue();
    assertThat(own.check("support-line", Map.of("welcome", "/etc/passwd")).ok()).isFalse();
    assertThat(
            own.check("support-line", Map.of("welcome", "http_cache://https://cdn.example.com/a"))
                .mediaUrls())
        .hasSize(1);
  }
}
