package io.irisx.worker.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The baseline's activity: does nothing, or signals its own workflow as a channel event would. */
@ActivityInterface
public interface NoopActivities {
  @ActivityMethod(name = "BenchNoop")
  void step(boolean signalBack);
}
