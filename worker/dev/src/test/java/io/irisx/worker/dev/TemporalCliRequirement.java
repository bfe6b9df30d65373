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
    boolean present = TemporalCli.find(TemporalCli.defaultToolsDirectory()).isPresent();
    if (!present && "1".equals(System.getenv("IRISX_REQUIRE_TEMPORAL_CLI"))) {
      fail(
          "IRISX_REQUIRE_TEMPORAL_CLI=1 but the temporal CLI is not installed "
              + "(./irisx temporal-cli installs it)");
    }
    assumeTrue(present, "the temporal CLI is not installed");
  }
}
