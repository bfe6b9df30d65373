package io.irisx.temporal.ops;

import ch.qos.logback.access.jetty.RequestLogImpl;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Keeps logback-access from printing its start-up status on the console. Its version check compares
 * the version of Dropwizard's request log class (Dropwizard's own) with logback-access's and finds
 * no logback-core version declared, so every start of an API or worker printed "versions are
 * different" warnings about a combination that works. The request log is made quiet as the server
 * starts, before the log starts; its messages still go to its status manager.
 *
 * <p>Register it with {@code environment.lifecycle().addEventListener(new QuietRequestLog())}.
 */
public final class QuietRequestLog implements LifeCycle.Listener {
  @Override
  public void lifeCycleStarting(LifeCycle event) {
    if (event instanceof Server server && server.getRequestLog() instanceof RequestLogImpl log) {
      log.setQuiet(true);
    }
  }
}
