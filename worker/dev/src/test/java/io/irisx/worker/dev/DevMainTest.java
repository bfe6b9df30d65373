package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ./irisx dev} options: the simulator by default, a real FreeSWITCH when one is named. */
class DevMainTest {

  @Test
  void withoutAnEslHostTheStackRunsTheSimulator() {
    assertThat(DevMain.parse(new String[] {"--fresh"}, Map.of()).externalSwitch()).isNull();
  }

  @Test
  void flagsNameARealSwitch() {
    DevOptions options =
        DevMain.parse(
            new String[] {
              "--esl-host",
              "10.0.0.5",
              "--esl-port",
              "8022",
              "--esl-password",
              "s3cret",
              "--dial-template",
              "sofia/gateway/gw1/{to}"
            },
            Map.of());

    assertThat(options.externalSwitch())
        .isEqualTo(new ExternalSwitch("10.0.0.5", 8022, "s3cret", "sofia/gateway/gw1/{to}"));
    assertThat(options.externalSwitch().toString()).doesNotContain("s3cret");
  }

  @Test
  void environmentVariablesNameARealSwitchAndFlagsWin() {
    Map<String, String> env =
        Map.of(
            "IRISX_ESL_HOST",
            "fs1",
            "IRISX_ESL_PASSWORD",
            "from-env",
            "IRISX_DIAL_TEMPLATE",
            "sofia/gateway/env/{to}");

    DevOptions options = DevMain.parse(new String[] {"--esl-password", "from-flag"}, env);

    assertThat(options.externalSwitch())
        .isEqualTo(
            new ExternalSwitch(
                "fs1", ExternalSwitch.DEFAULT_PORT, "from-flag", "sofia/gateway/env/{to}"));
  }

  @Test
  void switchDetailsWithoutAHostOrWithABadPortAreRefused() {
    assertThatThrownBy(() -> DevMain.parse(new String[] {"--esl-password", "x"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--esl-host");
    assertThatThrownBy(
            () ->
                DevMain.parse(new String[] {"--esl-host", "fs1", "--esl-port", "eighty"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                DevMain.parse(
                    new String[] {"--esl-host", "fs1", "--dial-template", "sofia/gateway/x"},
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
