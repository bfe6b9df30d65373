package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document is the API's exact contract: Schemathesis, over every operation with every
 * check (status codes, content types, response schemas, Allow on 405, schema-valid requests
 * accepted and schema-violating ones refused, authentication), finds nothing against a dev stack. A
 * few examples per operation here; {@code ./irisx schemathesis} runs it at length.
 */
class SchemathesisTest {
  static final Schemathesis.Run SUITE_SIZE = new Schemathesis.Run(3, 20261202L);

  @Test
  void schemathesisFindsNothingOverEveryOperation(@TempDir Path home) {
    Schemathesis schemathesis = new Schemathesis(TemporalCli.defaultToolsDirectory());
    schemathesis.findOrInstall(System.out);
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    Schemathesis.Result result;
    try (DevStack stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.IN_PROCESS));
        PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
      result = schemathesis.run(stack.manifest(), SUITE_SIZE, home.resolve("schemathesis"), out);
    }
    System.out.printf(
        "schemathesis %s: %d cases, %d failures (%s)%n",
        Schemathesis.VERSION,
        result.casesGenerated(),
        result.failures(),
        Schemathesis.commandLine(SUITE_SIZE));
    assertThat(result.casesGenerated()).isGreaterThan(500);
    assertThat(result.passed())
        .as("schemathesis found failures:%n%s", report.toString(StandardCharsets.UTF_8))
        .isTrue();
  }
}
