package io.irisx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.workflows.flow.Call;
import io.irisx.workflows.flow.CallFlow;
import io.irisx.workflows.flow.Gather;
import io.irisx.workflows.flow.GatherResult;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A flow written in the test, as a flow author would: a support line with a menu, an account
 * number, hold music and a callback promise; about two minutes on the phone, well under a second
 * under the kit (the test prints both).
 */
class TwoMinuteIvrKitTest {
  static final String WELCOME = "support/welcome.wav";
  static final String MENU = "support/menu.wav";
  static final String ACCOUNT = "support/enter-account.wav";
  static final String HOLD = "support/hold-music.wav";
  static final String CALLBACK = "support/we-will-call-back.wav";
  static final String GOODBYE = "support/goodbye.wav";

  /** The flow under test. */
  static final class SupportLine implements CallFlow {
    @Override
    public void run(Call call) {
      call.answer();
      call.annotate("line", "support");
      call.play(WELCOME);
      GatherResult choice =
          call.gather(
              Gather.digits(1)
                  .prompt(MENU)
                  .accepting("[12]")
                  .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(3))
                  .attempts(3));
      if (!choice.answered()) {
        call.play(GOODBYE);
        call.hangup();
        return;
      }
      call.annotate("choice", choice.digits());
      GatherResult account =
          call.gather(
              Gather.digits(8)
                  .minDigits(4)
                  .prompt(ACCOUNT)
                  .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(5)));
      call.annotate("accountDigits", account.digits().length());
      for (int round = 0; round < 3; round++) {
        call.play(HOLD);
      }
      call.pause(Duration.ofSeconds(60));
      call.annotate("outcome", "callback");
      call.play(CALLBACK);
      call.hangup();
    }
  }

  private static FlowTestKit kit;

  @BeforeAll
  static void start() {
    kit =
        FlowTestKit.builder()
            .flow("support-line", SupportLine::new)
            .promptLength(Duration.ofSeconds(6))
            .start();
    // One short call first, so the measured one does not pay for class loading and warm-up.
    kit.call("support-line", Caller.answering().hangingUpDuring(WELCOME, 1, Duration.ofSeconds(1)));
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @Test
  void aTwoMinuteConversation() {
    CallOutcome call =
        kit.call(
            "support-line",
            Caller.answeringAfter(Duration.ofSeconds(4))
                .pressingDuring(MENU, 2, "1", Duration.ofSeconds(2)) // silent the first time
                .pressingAfter(ACCOUNT, 1, "4321#", Duration.ofSeconds(3)));
    KitTimes.print("two-minute IVR", call);

    assertThat(call.heard().media())
        .containsExactly(WELCOME, MENU, MENU, ACCOUNT, HOLD, HOLD, HOLD, CALLBACK);
    assertThat(call.heard().prompts())
        .extracting(Prompt::complete)
        .containsExactly(true, true, false, true, true, true, true, true);
    assertThat(call.heard().pressed()).isEqualTo("14321#");
    assertThat(call.metadata())
        .containsEntry("line", "support")
        .containsEntry("choice", "1")
        .containsEntry("accountDigits", 4)
        .containsEntry("outcome", "callback");
    assertThat(call.cdr().status()).isEqualTo("completed");
    assertThat(call.cdr().hangupCause()).isEqualTo("NORMAL_CLEARING");
    assertThat(call.timelineTypes())
        .containsSubsequence(
            "call.answered",
            "call.gather-retry",
            "call.gathered",
            "call.gathered",
            "call.completed");
    // welcome 6, menu 6 + 5 silent, menu 2, account 6 + 3, hold 18, pause 60, callback 6: 112 s,
    // plus what the switch adds: each of the 8 prompts starts ~200 ms after its broadcast, and a
    // waiting step moves virtual time on in slices.
    assertThat(call.cdr().billSeconds()).isBetween(112L, 116L);
    assertThat(call.callTime()).isGreaterThan(Duration.ofMinutes(1).plusSeconds(55));
  }

  @Test
  void aCallerWhoNeverChoosesHearsTheMenuThreeTimesThenGoodbye() {
    CallOutcome call = kit.call("support-line", Caller.answering());

    assertThat(call.heard().media()).containsExactly(WELCOME, MENU, MENU, MENU, GOODBYE);
    assertThat(call.metadata()).containsOnlyKeys("line");
  }
}
