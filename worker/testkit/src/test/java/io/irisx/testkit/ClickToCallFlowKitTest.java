package io.irisx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.workflows.flow.ClickToCallFlow;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped click-to-call flow under the kit: the scripted caller is the agent (the call's {@code
 * to}); the customer is a second party the simulator plays when the flow dials them.
 */
class ClickToCallFlowKitTest {
  private static final String WHISPER = "click-to-call/connecting-you.wav";
  private static final AtomicInteger NUMBERS = new AtomicInteger();
  private static FlowTestKit kit;

  @BeforeAll
  static void start() {
    kit = FlowTestKit.builder().promptLength(Duration.ofSeconds(2)).start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  /** A fresh customer number, scripted as {@code customer}. */
  private static Map<String, Object> customer(Caller customer) {
    String number = "+1555040" + String.format("%04d", 100 + NUMBERS.incrementAndGet());
    kit.party(number, customer);
    return Map.of("customer", number, "whisper", WHISPER, "ringSeconds", 20);
  }

  @Test
  void theAgentAnswersThenTheCustomerAnswersAndTheyAreBridged() {
    Map<String, Object> params =
        customer(
            Caller.answeringAfter(Duration.ofSeconds(5)).hangingUpAfter(Duration.ofSeconds(30)));
    CallOutcome call = kit.call(ClickToCallFlow.NAME, params, Caller.answering());
    KitTimes.print("click-to-call, bridged", call);

    assertThat(call.heard().media()).containsExactly(WHISPER);
    assertThat(call.metadata())
        .containsEntry(ClickToCallFlow.RESULT, "bridged")
        .containsEntry("dial.to", params.get("customer"))
        .containsEntry("dial.outcome", "bridged")
        .containsEntry("dial.hangupCause", "NORMAL_CLEARING");
    // talk counts from the bridge, a few milliseconds after the customer's answer, whole seconds
    // down
    assertThat(((Number) call.metadata().get("dial.talkSeconds")).longValue()).isBetween(29L, 30L);
    // whisper 2 s, customer rings 5 s, talks 30 s
    assertThat(call.cdr().billSeconds()).isBetween(37L, 38L);
    assertThat(call.cdr().status()).isEqualTo("completed");
    assertThat(call.timelineTypes())
        .containsSubsequence(
            "call.answered",
            "call.dial-started",
            "call.dial-bridged",
            "call.dial-ended",
            "call.completed");
    assertThat(kit.simulator().receivedOriginates(0))
        .anyMatch(
            originate ->
                originate.destination().contains(((String) params.get("customer")).substring(1)));
  }

  @Test
  void aBusyCustomerEndsTheCallWithCustomerBusy() {
    CallOutcome call = kit.call(ClickToCallFlow.NAME, customer(Caller.busy()), Caller.answering());

    assertThat(call.metadata())
        .containsEntry(ClickToCallFlow.RESULT, "customer-busy")
        .containsEntry("dial.outcome", "busy")
        .containsEntry("dial.hangupCause", "USER_BUSY")
        .containsEntry("dial.talkSeconds", 0);
    assertThat(call.timelineTypes()).doesNotContain("call.dial-bridged");
    assertThat(call.cdr().status()).isEqualTo("completed");
  }

  @Test
  void theAgentHangingUpDuringTheConversationEndsIt() {
    CallOutcome call =
        kit.call(
            ClickToCallFlow.NAME,
            customer(Caller.answeringAfter(Duration.ofSeconds(3))),
            Caller.answering().hangingUpAfter(Duration.ofSeconds(15)));

    assertThat(call.heard().hangupCause()).isEqualTo("NORMAL_CLEARING");
    assertThat(call.metadata())
        .containsEntry(ClickToCallFlow.RESULT, "agent-hung-up")
        .containsEntry("dial.outcome", "bridged");
    // whisper 2 s and 3 s of ringing: 10 s of talk until the agent's hangup at 15 s
    assertThat(((Number) call.metadata().get("dial.talkSeconds")).longValue()).isBetween(9L, 10L);
    assertThat(call.cdr().billSeconds()).isBetween(15L, 16L);
  }

  @Test
  void theAgentHangingUpWhileTheCustomerRingsCancelsTheDial() {
    CallOutcome call =
        kit.call(
            ClickToCallFlow.NAME,
            customer(Caller.notAnswering()),
            Caller.answering().hangingUpAfter(Duration.ofSeconds(8)));

    assertThat(call.metadata())
        .containsEntry(ClickToCallFlow.RESULT, "agent-hung-up")
        .doesNotContainKey("dial.outcome");
    assertThat(call.timelineTypes())
        .contains("call.dial-started")
        .doesNotContain("call.dial-bridged");
    assertThat(call.cdr().billSeconds()).isBetween(8L, 9L);
  }
}
