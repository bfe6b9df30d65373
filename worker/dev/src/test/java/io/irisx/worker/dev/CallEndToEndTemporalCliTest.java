package io.irisx.worker.dev;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The end-to-end call on the real Temporal server: the {@code temporal} CLI dev server. */
class CallEndToEndTemporalCliTest extends CallEndToEndTest {
  @Override
  TemporalMode temporalMode() {
    return TemporalMode.CLI;
  }

  @Override
  @BeforeAll
  void startStack(@TempDir Path home) {
    TemporalCliRequirement.check();
    super.startStack(home);
  }
}
