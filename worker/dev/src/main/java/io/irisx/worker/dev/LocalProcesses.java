package io.irisx.worker.dev;

import java.util.concurrent.TimeUnit;

/** Ending the stack's own processes hard, by the handle of the one started. */
final class LocalProcesses {
  private LocalProcesses() {}

  /** SIGKILL to the process and everything it started; returns once they are gone. */
  static void killTree(ProcessHandle process) {
    var children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      process.onExit().get(10, TimeUnit.SECONDS);
      for (ProcessHandle child : children) {
        child.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("process " + process.pid() + " did not die", e);
    }
  }
}
