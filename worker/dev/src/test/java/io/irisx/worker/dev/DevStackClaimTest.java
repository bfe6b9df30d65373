package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stacks side by side with {@code --ports}, a second one on the same ports or home refused with
 * a message naming the running one, and dev.json true only while its stack runs.
 */
class DevStackClaimTest {

  private static DevOptions onPorts(Path home, int base) {
    return DevOptions.defaults(home)
        .withTemporalMode(TemporalMode.IN_PROCESS)
        .withPorts(DevPorts.fromBase(base));
  }

  @Test
  void aSecondStackOnTheSamePortsOrHomeIsRefusedNamingTheRunningOne(
      @TempDir Path first, @TempDir Path second) throws Exception {
    int base = FreePorts.base();
    DevStack running = DevStack.start(onPorts(first, base));
    try {
      JsonNode devJson = new ObjectMapper().readTree(DevStack.manifestFile(first).toFile());
      assertThat(devJson.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
      assertThat(devJson.path("apiUrl").asText()).isEqualTo("http://127.0.0.1:" + base);

      assertThatThrownBy(() -> DevStack.start(onPorts(second, base)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + base + " (the API) is taken")
          .hasMessageContaining("process " + ProcessHandle.current().pid())
          .hasMessageContaining(first.toString())
          .hasMessageContaining("--ports BASE");
      assertThatThrownBy(() -> DevStack.start(onPorts(first, FreePorts.baseAwayFrom(base))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the home " + first.toAbsolutePath().normalize() + " is taken")
          .hasMessageContaining("--home DIR");
      // The refused stacks touched nothing of the running one.
      assertThat(DevStack.manifestFile(first)).exists();
      assertThat(DevStack.manifestFile(second)).doesNotExist();
    } finally {
      running.close();
    }
    assertThat(DevStack.manifestFile(first)).as("dev.json of a stopped stack").doesNotExist();
    assertThat(Files.readString(first.resolve("logs/irisx.log")))
        .as("the log of a start on the in-process Temporal server")
        .doesNotContain("WARN")
        .contains("has no schedules");

    // Its ports are free again: a stack with another home takes them.
    try (DevStack next = DevStack.start(onPorts(second, base))) {
      assertThat(next.manifest().apiUrl()).isEqualTo("http://127.0.0.1:" + base);
    }
  }

  @Test
  void twoStacksRunSideBySideOnTheirOwnPorts(@TempDir Path first, @TempDir Path second)
      throws Exception {
    int base = FreePorts.base();
    try (DevStack one = DevStack.start(onPorts(first, base))) {
      int otherBase = FreePorts.baseAwayFrom(base);
      try (DevStack two = DevStack.start(onPorts(second, otherBase))) {
        assertThat(one.manifest().databaseUrl()).contains(":" + (base + 5) + "/");
        assertThat(two.manifest().databaseUrl()).contains(":" + (otherBase + 5) + "/");
        assertThat(
                new CallsApi(two.manifest()).startCall("+15550100", "+15550111", "hello").status())
            .isEqualTo(201);
      }
    }
  }
}
