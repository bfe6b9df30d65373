package io.irisx.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.temporal.cost.HistoryCost;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link HistoryCost} counted on a recorded call: the figures the issue that rebuilt the call path
 * started from (72 events, 9 workflow tasks, 7 activities, 12 markers (8 of them local activities),
 * 6 signals, 4 upserts for one answered hello call).
 */
class RecordedCallCostTest {

  @Test
  void anAnsweredHelloCallOfTheFirstShapeCostsWhatWasMeasured() throws IOException {
    HistoryCost cost = HistoryCost.of(history("hello-answered-v4").getEvents());

    assertThat(cost.events()).isEqualTo(72);
    assertThat(cost.workflowTasks()).isEqualTo(9);
    assertThat(cost.activityTasks()).isEqualTo(7);
    // its 12 markers: 8 local activities and 4 version markers
    assertThat(cost.localActivities()).isEqualTo(8);
    assertThat(cost.signals()).isEqualTo(6);
    assertThat(cost.searchAttributeUpserts()).isEqualTo(4);
    // one start, 7 activity attempts, the local activities of 3 workflow tasks, 6 signals, 4
    // upserts
    assertThat(cost.billableActions()).isEqualTo(21);
  }

  /**
   * The budget of a call whose steps own their events, on histories recorded from real runs: it
   * must not grow back. Of an answered hello call's 8 workflow tasks, 3 follow its steps (dial,
   * prompt, hangup) and 4 the completions of its webhook publishes (one per event, chained); no
   * channel event is signalled at all.
   */
  @Test
  void anAnsweredHelloCallWhoseStepsOwnTheirEventsStaysWithinItsBudget() throws IOException {
    HistoryCost cost = HistoryCost.of(history("hello-answered-v6").getEvents());

    assertThat(cost.signals()).isZero();
    assertThat(cost.workflowTasks()).isLessThanOrEqualTo(8);
    assertThat(cost.events()).isLessThanOrEqualTo(64);
    assertThat(cost.activityTasks()).isLessThanOrEqualTo(7);
  }

  /**
   * A call says it rings while it rings: the bridge signals its first progress, one signal and the
   * workflow task it wakes (the call.ringing publish it records rides on that task), no more.
   */
  @Test
  void ringingWhileItRingsCostsOneSignalAndOneTask() throws IOException {
    HistoryCost before = HistoryCost.of(history("hello-answered-v6").getEvents());
    HistoryCost now = HistoryCost.of(history("hello-answered-v7").getEvents());

    assertThat(now.signals()).isEqualTo(1);
    assertThat(now.workflowTasks()).isLessThanOrEqualTo(before.workflowTasks() + 1);
    assertThat(now.activityTasks()).isEqualTo(before.activityTasks());
  }

  @Test
  void aReminderCallWithADigitPressedStaysWithinItsBudget() throws IOException {
    HistoryCost before = HistoryCost.of(history("reminder-canceled-v2").getEvents());
    HistoryCost now = HistoryCost.of(history("reminder-canceled-v6").getEvents());

    assertThat(now.signals()).isZero();
    assertThat(now.workflowTasks()).isLessThanOrEqualTo(10).isLessThan(before.workflowTasks());
    assertThat(now.events()).isLessThan(before.events());
  }

  @Test
  void costsAddUp() throws IOException {
    HistoryCost one = HistoryCost.of(history("hello-answered-v4").getEvents());
    HistoryCost two = one.plus(one);

    assertThat(two.events()).isEqualTo(144);
    assertThat(two.billableActions()).isEqualTo(2 * one.billableActions());
    assertThat(HistoryCost.NONE.plus(one)).isEqualTo(one);
  }

  private static WorkflowExecutionHistory history(String name) throws IOException {
    try (InputStream in =
        RecordedCallCostTest.class.getResourceAsStream("/histories/" + name + ".json")) {
      return WorkflowExecutionHistory.fromJson(
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
