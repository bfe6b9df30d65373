package io.irisx.workflows.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build refuses workflow code that replay could not trust: every class the workflows module
 * ships is read for clocks, randomness, threads, I/O and mutable static state.
 */
class WorkflowCodeIsDeterministicTest {
  /** Calls the check cannot tell apart from harmful ones, each with why it is harmless. */
  private static final Map<String, String> HARMLESS =
      Map.of(
          "io.irisx.workflows.webhook.AddressBlock.parse -> java.net.InetAddress.getByName",
          "only ever given an address literal (AddressLiterals.isLiteral first): no lookup");

  @Test
  void theWorkflowsModuleMakesNoNonDeterministicCall() {
    List<DeterminismCheck.Finding> all = DeterminismCheck.scanFolder(Path.of("target", "classes"));
    List<DeterminismCheck.Finding> findings =
        all.stream().filter(f -> !HARMLESS.containsKey(f.place() + " -> " + f.member())).toList();
    // An exemption whose call has gone must go too, or it would excuse the next one.
    assertThat(all.stream().map(f -> f.place() + " -> " + f.member()))
        .containsAll(HARMLESS.keySet());

    assertThat(findings)
        .as(
            "non-deterministic calls in workflow code: use Workflow.currentTimeMillis, "
                + "Workflow.randomUUID, Workflow.sleep, Workflow.getLogger, or an activity")
        .isEmpty();
  }

  @Test
  void theCheckFindsEachKindOfMistake() throws IOException {
    List<DeterminismCheck.Finding> findings =
        DeterminismCheck.scan(List.of(classFile(CarelessWorkflowCode.class)));

    assertThat(findings)
        .extracting(DeterminismCheck.Finding::method)
        .contains(
            "readsTheClock",
            "asksTheTimeOfDay",
            "makesARandomId",
            "rollsADie",
            "printsToTheConsole",
            "countsInAStatic",
            "readsAFile",
            "startsAThread",
            "readsTheEnvironment");
    assertThat(findings).extracting(DeterminismCheck.Finding::method).doesNotContain("isFine");
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }
}
