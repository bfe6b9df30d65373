package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Namespace;
import org.junit.jupiter.api.Test;

/** {@code ./irisx dev} options: the simulator by default, a real FreeSWITCH when one is named. */
class DevCommandTest {
  private final DevCommand command = new DevCommand();

  private DevOptions options(Map<String, String> env, String... args)
      throws ArgumentParserException {
    Namespace namespace = command.parse(args);
    return DevCommand.options(namespace, env);
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() throws Exception {
    DevOptions options = options(Map.of());

    assertThat(options.home()).isEqualTo(Path.of(".irisx"));
    assertThat(options.temporalMode()).isEqualTo(TemporalMode.AUTO);
    assertThat(options.fresh()).isFalse();
    assertThat(options.ports()).isEqualTo(DevPorts.defaults());
    assertThat(options.externalSwitch()).isNull();
  }

  @Test
  void portsFromABaseAreTenConsecutiveOnes() throws Exception {
    DevOptions options =
        options(Map.of(), "--ports", "20000", "--home", "/tmp/b", "--temporal", "in-process");

    assertThat(options.ports())
        .isEqualTo(
            new DevPorts(20000, 20001, 20002, 20003, 20005, 20006, 20007, 20008, 20009, 20004));
    assertThat(options.ports().fixed()).hasSize(DevPorts.COUNT);
    assertThat(options.home()).isEqualTo(Path.of("/tmp/b"));
    assertThat(options.temporalMode()).isEqualTo(TemporalMode.IN_PROCESS);
  }

  @Test
  void aBaseThatLeavesNoRoomForTenPortsOrAnUnknownModeIsRefused() {
    assertThatThrownBy(() -> options(Map.of(), "--ports", "65530"))
        .isInstanceOf(ArgumentParserException.class)
        .hasMessageContaining("--ports");
    assertThatThrownBy(() -> options(Map.of(), "--ports", "80"))
        .isInstanceOf(ArgumentParserException.class);
    assertThatThrownBy(() -> options(Map.of(), "--temporal", "docker"))
        .isInstanceOf(ArgumentParserException.class)
        .hasMessageContaining("--temporal");
    assertThatThrownBy(() -> options(Map.of(), "--frsh"))
        .isInstanceOf(ArgumentParserException.class);
  }

  @Test
  void withoutAnEslHostTheStackRunsTheSimulator() throws Exception {
    assertThat(options(Map.of(), "--fresh").externalSwitch()).isNull();
  }

  @Test
  void flagsNameARealSwitch() throws Exception {
    DevOptions options =
        options(
            Map.of(),
            "--esl-host",
            "10.0.0.5",
            "--esl-port",
            "8022",
            "--esl-password",
            "s3cret",
            "--dial-template",
            "sofia/gateway/gw1/{to}");

    assertThat(options.externalSwitch())
        .isEqualTo(new ExternalSwitch("10.0.0.5", 8022, "s3cret", "sofia/gateway/gw1/{to}"));
    assertThat(options.externalSwitch().toString()).doesNotContain("s3cret");
  }

  @Test
  void environmentVariablesNameARealSwitchAndFlagsWin() throws Exception {
    Map<String, String> env =
        Map.of(
            "IRISX_ESL_HOST",
            "fs1",
            "IRISX_ESL_PASSWORD",
            "from-env",
            "IRISX_DIAL_TEMPLATE",
            "sofia/gateway/env/{to}");

    DevOptions options = options(env, "--esl-password", "from-flag");

    assertThat(options.externalSwitch())
        .isEqualTo(
            new ExternalSwitch(
                "fs1", ExternalSwitch.DEFAULT_PORT, "from-flag", "sofia/gateway/env/{to}"));
  }

  @Test
  void switchDetailsWithoutAHostOrWithABadPortAreRefused() {
    assertThatThrownBy(() -> options(Map.of(), "--esl-password", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--esl-host");
    assertThatThrownBy(() -> options(Map.of(), "--esl-host", "fs1", "--esl-port", "eighty"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> options(Map.of(), "--esl-host", "fs1", "--dial-template", "sofia/gateway/x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
