package io.irisx.worker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Calls accepted = originates = CDRs = call.completed deliveries, call by call. Deliveries are
 * "n/a" (null) when no call.completed arrived at all: the call workflow does not publish webhook
 * events yet, which is not a loss.
 *
 * @param missing what each stage lacks, first few call ids each
 */
public record LossCheck(
    int accepted,
    int originates,
    int cdrs,
    Integer completedDeliveries,
    boolean ok,
    List<String> missing) {
  private static final int SHOWN = 5;

  static LossCheck of(
      Set<String> accepted,
      Set<String> originated,
      Set<String> withCdr,
      Set<String> completedDelivered) {
    List<String> missing = new ArrayList<>();
    note(missing, "originate", accepted, originated);
    note(missing, "CDR", accepted, withCdr);
    boolean deliveriesKnown = !completedDelivered.isEmpty();
    if (deliveriesKnown) {
      note(missing, "call.completed delivery", accepted, completedDelivered);
    }
    return new LossCheck(
        accepted.size(),
        (int) accepted.stream().filter(originated::contains).count(),
        (int) accepted.stream().filter(withCdr::contains).count(),
        deliveriesKnown
            ? (int) accepted.stream().filter(completedDelivered::contains).count()
            : null,
        missing.isEmpty(),
        missing);
  }

  private static void note(
      List<String> missing, String what, Set<String> accepted, Set<String> seen) {
    List<String> lost = accepted.stream().filter(id -> !seen.contains(id)).sorted().toList();
    if (!lost.isEmpty()) {
      missing.add(
          lost.size()
              + " accepted call(s) without a "
              + what
              + ", e.g. "
              + String.join(", ", lost.subList(0, Math.min(SHOWN, lost.size()))));
    }
  }
}
