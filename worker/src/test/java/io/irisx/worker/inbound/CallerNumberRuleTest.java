package io.irisx.worker.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The node's rule for caller numbers as carriers send them (FreeSWITCH adds no {@code +}). */
class CallerNumberRuleTest {
  private static final CallerNumberRule NANP = new CallerNumberRule("1", "1", "011");
  private static final CallerNumberRule UK = new CallerNumberRule("44", "0", "00");

  @Test
  void nanpNumbersWithTheirTrunkPrefixOrWithoutBecomeE164() {
    assertThat(NANP.normalise("15557770001")).hasValue("+15557770001");
    assertThat(NANP.normalise("5557770001")).hasValue("+15557770001");
    assertThat(NANP.normalise("+15557770001")).hasValue("+15557770001");
    assertThat(NANP.normalise("01144201234567")).hasValue("+44201234567");
  }

  @Test
  void nationalAndInternationalFormsFollowTheNodesCountry() {
    assertThat(UK.normalise("02071234567")).hasValue("+442071234567");
    assertThat(UK.normalise("442071234567")).hasValue("+442071234567");
    assertThat(UK.normalise("2071234567")).hasValue("+442071234567");
    assertThat(UK.normalise("0015557770001")).hasValue("+15557770001");
  }

  @Test
  void whatIsNoNumberIsMarkedAnonymousAndKeptRaw() {
    assertThat(InboundCaller.of("anonymous", NANP))
        .isEqualTo(new InboundCaller("anonymous", "anonymous"));
    assertThat(InboundCaller.of("Restricted", NANP))
        .isEqualTo(new InboundCaller("anonymous", "Restricted"));
    assertThat(InboundCaller.of("", NANP)).isEqualTo(new InboundCaller("anonymous", "anonymous"));
    assertThat(InboundCaller.of("123", NANP)).isEqualTo(new InboundCaller("anonymous", "123"));
    assertThat(InboundCaller.of("15557770001", CallerNumberRule.E164_ONLY))
        .isEqualTo(new InboundCaller("anonymous", "15557770001"));
    assertThat(InboundCaller.of("15557770001", NANP).normalised()).isTrue();
  }
}
