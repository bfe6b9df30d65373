package io.irisx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.workflows.flow.IvrFlow;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped ivr flow under the kit: a key's prompt branch, a key's dial branch, a wrong key then
 * a right one, and the operator (by 0, or when the caller never chooses), each dial bridged to a
 * second party the simulator plays.
 */
class IvrFlowKitTest {
  private static final String MENU = "ivr/support-menu.wav";
  private static final String HOURS = "ivr/opening-hours.wav";
  private static final AtomicInteger NUMBERS = new AtomicInteger();
  private static FlowTestKit kit;

  @BeforeAll
  static void start() {
    kit = FlowTestKit.builder().promptLength(Duration.ofSeconds(4)).start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  /** A menu: 1 plays the hours, 2 dials sales; 0 or silence reaches the operator. */
  private static Map<String, Object> menu(String sales, String operator) {
    return Map.of(
        "prompt", MENU,
        "options", Map.of("1", Map.of("prompt", HOURS), "2", Map.of("number", sales)),
        "operator", operator);
  }

  /** A fresh number per party, so each test scripts its own. */
  private static String number() {
    return "+1555030" + String.format("%04d", 100 + NUMBERS.incrementAndGet());
  }

  /** A party that answers after 3 s and hangs up after 10 s of talk. */
  private static String talkingParty() {
    String number = number();
    kit.party(
        number,
        Caller.answeringAfter(Duration.ofSeconds(3)).hangingUpAfter(Duration.ofSeconds(10)));
    return number;
  }

  @Test
  void keyTwoDialsSalesAndBridgesTheCallerToThem() {
    String sales = talkingParty();
    CallOutcome call =
        kit.call(
            IvrFlow.NAME,
            menu(sales, number()),
            Caller.answering().pressingDuring(MENU, "2", Duration.ofSeconds(1)));
    KitTimes.print("ivr, key 2 to sales", call);

    assertThat(call.heard().media()).containsExactly(MENU);
    assertThat(call.heard().pressed()).isEqualTo("2");
    assertThat(call.metadata())
        .containsEntry(IvrFlow.RESULT, "option-2")
        .containsEntry("dial.to", sales)
        .containsEntry("dial.outcome", "bridged")
        .containsEntry("dial.hangupCause", "NORMAL_CLEARING");
    // talk counts from the bridge, a few milliseconds after the party's answer, whole seconds down
    assertThat(((Number) call.metadata().get("dial.talkSeconds")).longValue()).isBetween(9L, 10L);
    assertThat(call.timelineTypes())
        .containsSubsequence(
            "call.gathered",
            "call.dial-started",
            "call.dial-bridged",
            "call.dial-ended",
            "call.completed");
    assertThat(call.cdr().status()).isEqualTo("completed");
    assertThat(kit.simulator().receivedCommands())
        .anyMatch(command -> command.contains("uuid_bridge"));
  }

  @Test
  void keyOnePlaysTheHoursThenTheMenuAgain() {
    CallOutcome call =
        kit.call(
            IvrFlow.NAME,
            menu(number(), number()),
            Caller.answering()
                .pressingDuring(MENU, 1, "1", Duration.ofSeconds(1))
                .hangingUpDuring(MENU, 2, Duration.ofSeconds(2)));

    assertThat(call.heard().media()).containsExactly(MENU, HOURS, MENU);
    assertThat(call.heard().prompts())
        .extracting(Prompt::complete)
        .containsExactly(false, true, false);
    assertThat(call.metadata())
        .containsEntry(IvrFlow.RESULT, "option-1")
        .doesNotContainKey("dial.outcome");
  }

  @Test
  void aWrongKeyIsAskedAgainThenTheRightOneRunsItsBranch() {
    String sales = talkingParty();
    CallOutcome call =
        kit.call(
            IvrFlow.NAME,
            menu(sales, number()),
            Caller.answering()
                .pressingDuring(MENU, 1, "7", Duration.ofSeconds(1))
                .pressingDuring(MENU, 2, "2", Duration.ofSeconds(1)));

    assertThat(call.heard().media()).containsExactly(MENU, MENU);
    assertThat(call.heard().pressed()).isEqualTo("72");
    assertThat(call.metadata())
        .containsEntry(IvrFlow.RESULT, "option-2")
        .containsEntry("dial.to", sales);
    assertThat(call.timelineTypes())
        .containsSubsequence("call.gather-retry", "call.gathered", "call.dial-bridged");
  }

  @Test
  void aCallerWhoNeverChoosesIsPutThroughToTheOperator() {
    String operator = talkingParty();
    CallOutcome call = kit.call(IvrFlow.NAME, menu(number(), operator), Caller.answering());
    KitTimes.print("ivr, no input to operator", call);

    assertThat(call.heard().media()).containsExactly(MENU, MENU, MENU);
    assertThat(call.heard().pressed()).isEmpty();
    assertThat(call.metadata())
        .containsEntry(IvrFlow.RESULT, "no-input")
        .containsEntry("dial.to", operator)
        .containsEntry("dial.outcome", "bridged");
    // three times the menu 4 s and 5 s of waiting, 3 s of ringing, 10 s of talk: 40 s, and the
    // seven steps' own scheduling on top (up to a few seconds in all on a busy machine)
    assertThat(call.cdr().billSeconds()).isBetween(40L, 43L);
  }

  @Test
  void zeroGoesStraightToTheOperator() {
    String operator = talkingParty();
    CallOutcome call =
        kit.call(
            IvrFlow.NAME,
            menu(number(), operator),
            Caller.answering().pressingDuring(MENU, "0", Duration.ofSeconds(2)));

    assertThat(call.heard().media()).containsExactly(MENU);
    assertThat(call.metadata())
        .containsEntry(IvrFlow.RESULT, "operator")
        .containsEntry("dial.to", operator)
        .containsEntry("dial.outcome", "bridged");
  }
}
