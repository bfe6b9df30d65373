package io.irisx.worker.health;

import com.codahale.metrics.health.HealthCheck;
import io.irisx.activities.esl.EslConnection;
import io.irisx.activities.esl.ModuleCheck;
import io.irisx.activities.esl.ModuleReport;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the node's FreeSWITCH has loaded the modules IRISX uses, asked with {@code module_exists}
 * each time the ESL link comes up. An essential module missing makes the worker unhealthy; an
 * optional one is logged and reported with the features that degrade, and the worker stays healthy.
 */
public final class SwitchModulesHealthCheck extends HealthCheck {
  private static final Logger log = LoggerFactory.getLogger(SwitchModulesHealthCheck.class);

  private final String nodeId;
  private final EslConnection esl;
  private final ModuleCheck check;
  private volatile @Nullable ModuleReport last;

  public SwitchModulesHealthCheck(String nodeId, EslConnection esl, ModuleCheck check) {
    this.nodeId = nodeId;
    this.esl = esl;
    this.check = check;
  }

  /** Checks at every link-up from now on. */
  public SwitchModulesHealthCheck watch() {
    esl.whenLinkUp(this::recheck);
    return this;
  }

  /** Asks the switch now and logs what is missing. */
  public ModuleReport recheck() {
    ModuleReport report = check.check(esl);
    last = report;
    if (!report.essentialMissing().isEmpty()) {
      log.error("FreeSWITCH node {}: {}", nodeId, report.describe());
    } else if (!report.missing().isEmpty() || !report.unanswered().isEmpty()) {
      log.warn("FreeSWITCH node {}: {}", nodeId, report.describe());
    } else {
      log.info(
          "FreeSWITCH node {} has the modules IRISX uses: {}",
          nodeId,
          check.modules().stream().map(m -> m.name()).collect(Collectors.joining(", ")));
    }
    return report;
  }

  @Override
  protected Result check() {
    ModuleReport report = last;
    if (report == null) {
      return Result.healthy("modules not checked yet: the ESL link has not come up");
    }
    if (!report.essentialMissing().isEmpty()) {
      return Result.unhealthy(report.describe());
    }
    return Result.healthy(report.describe());
  }
}
