package io.irisx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.workflows.flow.ReminderFlow;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped reminder flow under the kit: confirm, cancel, silence, and a callee who hangs up. */
class ReminderFlowKitTest {
  private static final String MESSAGE = "reminders/dentist.wav";
  private static final String MENU = "reminders/press-1-or-2.wav";
  private static final String THANKS = "reminders/thanks.wav";
  private static final Map<String, Object> PARAMS =
      Map.of("message", MESSAGE, "menu", MENU, "thanks", THANKS);
  private static FlowTestKit kit;

  @BeforeAll
  static void start() {
    kit = FlowTestKit.builder().promptLength(Duration.ofSeconds(4)).start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @Test
  void pressingOneDuringTheMenuCutsItShortAndConfirms() {
    CallOutcome call =
        kit.call(
            ReminderFlow.NAME,
            PARAMS,
            Caller.answering().pressingDuring(MENU, "1", Duration.ofSeconds(1)));

    assertThat(call.heard().media()).containsExactly(MESSAGE, MENU, THANKS);
    assertThat(call.heard().prompts())
        .extracting(Prompt::complete)
        .containsExactly(true, false, true);
    assertThat(call.heard().pressed()).isEqualTo("1");
    assertThat(call.metadata()).containsEntry(ReminderFlow.RESULT, "confirmed");
    assertThat(call.cdr().status()).isEqualTo("completed");
    assertThat(call.timelineTypes()).contains("call.gathered").doesNotContain("call.gather-retry");
  }

  @Test
  void pressingTwoAfterTheMenuCancels() {
    CallOutcome call =
        kit.call(
            ReminderFlow.NAME,
            PARAMS,
            Caller.answering().pressingAfter(MENU, 1, "2", Duration.ofSeconds(2)));

    assertThat(call.heard().prompts())
        .extracting(Prompt::complete)
        .containsExactly(true, true, true);
    assertThat(call.metadata()).containsEntry(ReminderFlow.RESULT, "canceled");
  }

  @Test
  void aWrongKeyThenTheRightOneOnTheSecondAsking() {
    CallOutcome call =
        kit.call(
            ReminderFlow.NAME,
            PARAMS,
            Caller.answering()
                .pressingDuring(MENU, 1, "7", Duration.ofSeconds(1))
                .pressingDuring(MENU, 2, "1", Duration.ofSeconds(3)));

    assertThat(call.heard().media()).containsExactly(MESSAGE, MENU, MENU, THANKS);
    assertThat(call.heard().pressed()).isEqualTo("71");
    assertThat(call.metadata()).containsEntry(ReminderFlow.RESULT, "confirmed");
    assertThat(call.timelineTypes()).containsSubsequence("call.gather-retry", "call.gathered");
  }

  @Test
  void aSilentCalleeIsAskedThreeTimesThenNoResponse() {
    CallOutcome call = kit.call(ReminderFlow.NAME, PARAMS, Caller.answering());

    assertThat(call.heard().media()).containsExactly(MESSAGE, MENU, MENU, MENU);
    assertThat(call.heard().pressed()).isEmpty();
    assertThat(call.metadata()).containsEntry(ReminderFlow.RESULT, "no-response");
    // message 4 s, then three times menu 4 s and 6 s of waiting for a key
    assertThat(call.cdr().billSeconds()).isBetween(34L, 35L);
  }

  @Test
  void aCalleeWhoHangsUpDuringTheMenuLeavesNoResponseInTheCdr() {
    CallOutcome call =
        kit.call(
            ReminderFlow.NAME,
            PARAMS,
            Caller.answering().hangingUpDuring(MENU, 1, Duration.ofSeconds(2)));

    assertThat(call.heard().prompts()).extracting(Prompt::complete).containsExactly(true, false);
    assertThat(call.heard().hangupCause()).isEqualTo("NORMAL_CLEARING");
    assertThat(call.metadata()).containsEntry(ReminderFlow.RESULT, "no-response");
    assertThat(call.cdr().status()).isEqualTo("completed");
  }
}
