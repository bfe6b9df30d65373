package io.irisx.workflows.flow;

/**
 * A call flow written in plain Java. It runs inside the call workflow once the call is answered, so
 * it must be deterministic: use only the {@link Call} handle, no I/O, clocks or threads.
 */
@FunctionalInterface
public interface CallFlow {
  void run(Call call);
}
