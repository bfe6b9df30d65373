package io.irisx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.workflows.flow.HelloFlow;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped hello flow under the kit: answered, busy, never answered, hung up on. */
class HelloFlowKitTest {
  private static FlowTestKit kit;

  @BeforeAll
  static void start() {
    kit = FlowTestKit.builder().promptLength(Duration.ofSeconds(5)).start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @Test
  void answeredCallHearsTheGreetingToItsEndThenTheCallCompletes() {
    CallOutcome call = kit.call(HelloFlow.NAME, Caller.answeringAfter(Duration.ofSeconds(4)));
    KitTimes.print("hello, answered", call);

    assertThat(call.heard().prompts())
        .singleElement()
        .satisfies(
            prompt -> {
              assertThat(prompt.media()).isEqualTo(HelloFlow.PROMPT);
              assertThat(prompt.complete()).isTrue();
              assertThat(prompt.heardFor())
                  .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(5).plus(KitTimes.CREEP));
            });
    assertThat(call.cdr().status()).isEqualTo("completed");
    assertThat(call.cdr().hangupCause()).isEqualTo("NORMAL_CLEARING");
    assertThat(call.cdr().billSeconds()).isBetween(5L, 6L);
    assertThat(call.cdr().durationSeconds()).isBetween(9L, 10L);
    assertThat(call.timelineTypes())
        .containsSubsequence(
            "call.queued", "call.originated", "call.ringing", "call.answered", "call.completed");
    assertThat(call.callTime()).isGreaterThanOrEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void busyCalleeHearsNothingAndTheCdrSaysBusy() {
    CallOutcome call = kit.call(HelloFlow.NAME, Caller.busy());

    assertThat(call.heard().answered()).isFalse();
    assertThat(call.heard().prompts()).isEmpty();
    assertThat(call.cdr().status()).isEqualTo("busy");
    assertThat(call.cdr().hangupCause()).isEqualTo("USER_BUSY");
    assertThat(call.cdr().hangupCauseCode()).isEqualTo(17);
    assertThat(call.cdr().billSeconds()).isZero();
  }

  @Test
  void unansweredCallRingsOutAfterTheRingTimeout() {
    CallOutcome call = kit.call(HelloFlow.NAME, Caller.notAnswering());

    assertThat(call.cdr().status()).isEqualTo("no-answer");
    assertThat(call.cdr().hangupCause()).isEqualTo("NO_ANSWER");
    // 30 s of ringing (the default ring timeout) passed in virtual time only; like the real
    // switch, the simulator gives up within the timeout's last second.
    assertThat(call.callTime()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
  }

  @Test
  void calleeHangingUpDuringTheGreetingCutsItShort() {
    CallOutcome call =
        kit.call(
            HelloFlow.NAME,
            Caller.answering().hangingUpDuring(HelloFlow.PROMPT, 1, Duration.ofSeconds(2)));

    assertThat(call.heard().prompts())
        .singleElement()
        .satisfies(
            prompt -> {
              assertThat(prompt.complete()).isFalse();
              assertThat(prompt.heardFor())
                  .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(2).plus(KitTimes.CREEP));
            });
    assertThat(call.cdr().status()).isEqualTo("completed");
    assertThat(call.cdr().billSeconds()).isBetween(2L, 3L);
  }
}
