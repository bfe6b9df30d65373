package io.irisx.worker.bench;

/** How many activities and signals one call of a scenario takes (its workflow history says). */
public record BaselineShape(int activities, int signals) {
  public BaselineShape {
    if (activities < 1 || signals < 0 || signals > activities) {
      throw new IllegalArgumentException("a baseline needs activities >= 1 and 0 <= signals <= activities");
    }
  }
}
