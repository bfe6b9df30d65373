package io.irisx.activities.esl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Duplicate suppression, the ledger of live channels, and which lane an event takes. */
class EventBookkeepingTest {
  private static final String CORE = "6d2375b0-5183-11e1-b24a-bd4bfd1b8f6e";
  private static final String CHANNEL = "0b5e6a4c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  private static final String CALL = "0b0e7f5e-1c1d-4a43-9d57-0c1f3f0e9a01";

  @Test
  void anEventSeenAgainFromTheSameSwitchIsDroppedButNotOneFromARestartedSwitch() {
    SeenEvents seen = new SeenEvents(100);

    assertThat(seen.firstTime(event("CHANNEL_ANSWER", "Core-UUID", CORE, "Event-Sequence", "41")))
        .isTrue();
    assertThat(seen.firstTime(event("CHANNEL_ANSWER", "Core-UUID", CORE, "Event-Sequence", "41")))
        .isFalse();
    assertThat(seen.firstTime(event("CHANNEL_ANSWER", "Core-UUID", CORE, "Event-Sequence", "42")))
        .isTrue();
    assertThat(
            seen.firstTime(
                event("CHANNEL_ANSWER", "Core-UUID", "other-core", "Event-Sequence", "41")))
        .isTrue();
    assertThat(seen.firstTime(event("CHANNEL_ANSWER", "Unique-ID", CHANNEL))).isTrue();
    assertThat(seen.firstTime(event("CHANNEL_ANSWER", "Unique-ID", CHANNEL))).isTrue();
  }

  @Test
  void theMemoryOfSeenEventsIsBounded() {
    SeenEvents seen = new SeenEvents(3);
    for (int sequence = 1; sequence <= 4; sequence++) {
      seen.firstTime(
          event("DTMF", "Core-UUID", CORE, "Event-Sequence", Integer.toString(sequence)));
    }

    assertThat(seen.firstTime(event("DTMF", "Core-UUID", CORE, "Event-Sequence", "1"))).isTrue();
    assertThat(seen.firstTime(event("DTMF", "Core-UUID", CORE, "Event-Sequence", "4"))).isFalse();
  }

  @Test
  void aChannelIsBelievedAliveFromCreateOrAnswerUntilItsHangupCompletesOrItIsDestroyed() {
    ChannelLedger ledger = new ChannelLedger();

    ledger.observe(event("CHANNEL_CREATE", "Unique-ID", CHANNEL));
    ledger.observe(event("CHANNEL_ANSWER", "Unique-ID", CHANNEL, "variable_irisx_call_id", CALL));
    ledger.observe(event("CHANNEL_CREATE", "Unique-ID", "other"));
    ledger.observe(event("CHANNEL_DESTROY", "Unique-ID", "other"));

    assertThat(ledger.snapshot()).containsExactly(Map.entry(CHANNEL, CALL));
    ledger.observe(event("CHANNEL_HANGUP_COMPLETE", "Unique-ID", CHANNEL));
    assertThat(ledger.snapshot()).isEmpty();
    assertThat(ledger.forget(CHANNEL)).isEmpty();
  }

  @Test
  void anOriginateResultTakesTheLaneOfTheChannelItMade() {
    SwitchEvent job =
        event(
            "BACKGROUND_JOB",
            "Job-UUID",
            "7f4db78a-17d7-11dd-b7a0-db4edd065621",
            "Job-Command",
            "originate",
            "Job-Command-Arg",
            "{origination_uuid="
                + CHANNEL
                + ",irisx_call_id="
                + CALL
                + "}sofia/gateway/gw1/+15551234567 &park()");

    assertThat(EslConnection.orderingKey(job))
        .isEqualTo(EslConnection.orderingKey(event("CHANNEL_ANSWER", "Unique-ID", CHANNEL)));
    assertThat(
            EslConnection.orderingKey(
                event("BACKGROUND_JOB", "Job-UUID", "j-1", "Job-Command", "status")))
        .isEqualTo("j-1");
  }

  private static SwitchEvent event(String name, String... headerPairs) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Event-Name", name);
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.put(headerPairs[i], headerPairs[i + 1]);
    }
    return new SwitchEvent(name, headers, null);
  }
}
