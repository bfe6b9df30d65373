package io.irisx.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Workflow code stays small enough to read: no source file of this module is over 300 lines (a file
 * is one class here). A class that grows past it is split, as the call workflow was into its verbs.
 */
class NoClassOverThreeHundredLinesTest {
  private static final int MOST_LINES = 300;

  @Test
  void noSourceFileOfTheWorkflowsModuleIsOver300Lines() throws IOException {
    Map<Path, Long> lines = linesPerFile(Path.of("src", "main", "java"));
    // The module's own sources were found, so an empty result cannot pass for a clean one.
    assertThat(lines.keySet())
        .contains(Path.of("src/main/java/io/irisx/workflows/call/CallWorkflowImpl.java"))
        .hasSizeGreaterThan(100);

    assertThat(
            lines.entrySet().stream()
                .filter(file -> file.getValue() > MOST_LINES)
                .map(file -> file.getKey() + ": " + file.getValue() + " lines")
                .toList())
        .as("source files over %d lines: split them", MOST_LINES)
        .isEmpty();
  }

  private static Map<Path, Long> linesPerFile(Path root) throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources = files.filter(file -> file.toString().endsWith(".java")).toList();
    }
    return sources.stream().collect(Collectors.toMap(file -> file, file -> lineCount(file)));
  }

  private static long lineCount(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
