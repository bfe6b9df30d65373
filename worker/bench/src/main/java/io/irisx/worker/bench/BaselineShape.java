package io.irisx.worker.bench;

/**
 * How many activities, local activities and signals one call of a scenario takes (its workflow
 * history says). The baseline mirrors a call's bookkeeping run as local activities with no-op local
 * activities, so the ratio compares the same work on the server.
 */
public record BaselineShape(int activities, int localActivities, int signals) {
  public BaselineShape {
    if (activities < 1 || localActivities < 0 || signals < 0 || signals > activities) {
      throw new IllegalArgumentException(
          "a baseline needs activities >= 1, localActivities >= 0 and 0 <= signals <= activities");
    }
  }

  /**
   * The local activities that follow regular activity {@code step}: spread evenly over the steps.
   */
  int localActivitiesAfter(int step) {
    return localActivities / activities + (step < localActivities % activities ? 1 : 0);
  }
}
