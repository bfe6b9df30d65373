package io.irisx.workflows.call.verbs;

/**
 * Leaves a running flow at its next step because the API redirected the call to another flow; the
 * call workflow catches it and starts that flow. Flows must let it pass.
 */
final class RedirectInterruption extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RedirectInterruption() {
    super("redirected", null, false, false);
  }
}
