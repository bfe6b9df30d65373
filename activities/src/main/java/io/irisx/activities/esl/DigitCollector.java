package io.irisx.activities.esl;

import io.irisx.workflows.call.GatherStep;
import io.irisx.workflows.flow.GatherResult;

/** The digits of one gather attempt, and whether they are complete. */
final class DigitCollector {
  private final GatherStep gather;
  private final StringBuilder typed = new StringBuilder();

  DigitCollector(GatherStep gather) {
    this.gather = gather;
  }

  /** Takes one key; the ending when the input is complete, null while more may come. */
  GatherResult.Ending add(String digit) {
    if (digit == null || digit.isEmpty()) {
      return null;
    }
    if (gather.terminators().contains(digit)) {
      return GatherResult.Ending.TERMINATOR;
    }
    typed.append(digit);
    return typed.length() >= gather.maxDigits() ? GatherResult.Ending.MAX_DIGITS : null;
  }

  String typed() {
    return typed.toString();
  }
}
