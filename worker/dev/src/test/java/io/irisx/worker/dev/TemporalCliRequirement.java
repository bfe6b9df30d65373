package io.irisx.worker.dev;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that need the real {@code temporal} CLI dev server skip on machines without it, unless
 * {@code IRISX_REQUIRE_TEMPORAL_CLI=1} (set by CI) turns the skip into a failure.
 */
final class TemporalCliRequirement {
  private TemporalCliRequirement() {}

  static void check() {
    boolean present = LocalTemporal.findCli().isPresent();
    if (!present && "1".equals(System.getenv("IRISX_REQUIRE_TEMPORAL_CLI"))) {
      fail(
          "IRISX_REQUIRE_TEMPORAL_CLI=1 but the temporal CLI is not installed "
              + "(go install github.com/temporalio/cli/cmd/temporal@v1.5.1)");
    }
    assumeTrue(present, "the temporal CLI is not installed");
  }
}
