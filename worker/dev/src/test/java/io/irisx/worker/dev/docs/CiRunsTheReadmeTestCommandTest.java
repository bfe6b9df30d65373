package io.irisx.worker.dev.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's two commands are the ones that exist, and CI runs exactly the README's test command,
 * so what a newcomer runs and what CI runs cannot drift apart.
 */
class CiRunsTheReadmeTestCommandTest {
  private final java.nio.file.Path root = ProjectRoot.path();

  @Test
  void ciEndsByRunningTheReadmesTestCommand() {
    String readmeTest = commandAfter("**Test it:**");
    assertThat(readmeTest).isEqualTo("./irisx test");
    List<String> ci =
        MarkdownFiles.lines(root.resolve(".ci/run")).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    assertThat(ci.getLast()).isEqualTo(readmeTest);
  }

  @Test
  void theReadmesRunCommandIsTheLaunchersDev() {
    assertThat(commandAfter("**Run it:**")).isEqualTo("./irisx dev");
    assertThat(MarkdownFiles.lines(root.resolve("irisx")))
        .anyMatch(line -> line.strip().startsWith("dev)"))
        .anyMatch(line -> line.strip().startsWith("test)"));
  }

  /** The first line of the first code block after {@code marker}. */
  private String commandAfter(String marker) {
    List<String> lines = MarkdownFiles.lines(root.resolve("README.md"));
    int at = lines.indexOf(marker);
    assertThat(at).as("README has " + marker).isNotNegative();
    for (int i = at + 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith("```")) {
        return lines.get(i + 1).strip();
      }
    }
    throw new AssertionError("no code block after " + marker);
  }
}
