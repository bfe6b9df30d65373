package io.irisx.testkit;

import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * An activity is done, for virtual time, only once the events its commands caused have reached
 * their workflows: the test server holds time while an activity runs, and no longer after.
 */
final class SettleAfterActivities extends WorkerInterceptorBase {
  private final Settling settling;

  SettleAfterActivities(Settling settling) {
    this.settling = settling;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } finally {
          settling.await();
        }
      }
    };
  }
}
