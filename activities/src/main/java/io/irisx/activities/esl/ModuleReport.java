package io.irisx.activities.esl;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code module_exists} said about the modules IRISX uses, the last time the link came up.
 *
 * @param missing the modules the switch said it has not loaded
 * @param unanswered the modules it could not be asked about (the link dropped while asking)
 */
public record ModuleReport(Instant checkedAt, List<SwitchModule> missing, List<String> unanswered) {
  public ModuleReport {
    missing = List.copyOf(missing);
    unanswered = List.copyOf(unanswered);
  }

  /** Missing modules without which calls fail. */
  public List<SwitchModule> essentialMissing() {
    return missing.stream().filter(SwitchModule::essential).toList();
  }

  /** Missing modules whose features degrade, calls still work. */
  public List<SwitchModule> optionalMissing() {
    return missing.stream().filter(m -> !m.essential()).toList();
  }

  /** One line for a log or a health check, e.g. "mod_ssml missing: spoken prompts (say:) ...". */
  public String describe() {
    if (missing.isEmpty() && unanswered.isEmpty()) {
      return "all modules IRISX uses are loaded";
    }
    String missingText =
        missing.stream()
            .map(m -> m.name() + " missing: " + m.neededFor())
            .collect(Collectors.joining("; "));
    String unansweredText =
        unanswered.isEmpty() ? "" : "not answered for " + String.join(", ", unanswered);
    return missingText.isEmpty()
        ? unansweredText
        : unansweredText.isEmpty() ? missingText : missingText + "; " + unansweredText;
  }
}
