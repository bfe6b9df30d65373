package io.irisx.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CDR's Q.850 number, read from the one table of FreeSWITCH's causes. */
class HangupCauseTest {

  @Test
  void everyQ850CauseFreeswitchNamesReportsItsOwnNumber() {
    // The CDR's table once held only the common causes and reported 16 for the others.
    assertThat(HangupCause.q850("FACILITY_NOT_IMPLEMENTED")).contains(69);
    assertThat(HangupCause.q850("BEARERCAPABILITY_NOTAVAIL")).contains(58);
    assertThat(HangupCause.q850("USER_BUSY")).contains(17);
    for (HangupCause cause : HangupCause.values()) {
      if (cause.code() <= 127) {
        assertThat(HangupCause.q850(cause.name())).contains(cause.code());
      }
    }
  }

  @Test
  void freeswitchsOwnCausesAndUnknownNamesReportSixteen() {
    assertThat(HangupCause.q850("ORIGINATOR_CANCEL")).contains(16);
    assertThat(HangupCause.q850("PROGRESS_TIMEOUT")).contains(16);
    assertThat(HangupCause.q850("SOMETHING_NEW")).contains(16);
    assertThat(HangupCause.q850(null)).isEmpty();
  }

  @Test
  void theSimulatorReadsNamesInAnyCaseAndNumbers() {
    assertThat(HangupCause.parse("user_busy")).contains(HangupCause.USER_BUSY);
    assertThat(HangupCause.parse(" 17 ")).contains(HangupCause.USER_BUSY);
    assertThat(HangupCause.parse("487")).contains(HangupCause.ORIGINATOR_CANCEL);
    assertThat(HangupCause.parse("nonsense")).isEmpty();
    assertThat(HangupCause.parse("")).isEmpty();
  }
}
