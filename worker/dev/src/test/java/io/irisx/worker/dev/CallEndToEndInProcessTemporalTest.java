package io.irisx.worker.dev;

/** The end-to-end call on the in-process Temporal server bound to a port. */
class CallEndToEndInProcessTemporalTest extends CallEndToEndTest {
  @Override
  TemporalMode temporalMode() {
    return TemporalMode.IN_PROCESS;
  }
}
