package io.irisx.api.ops;

import io.irisx.temporal.ops.Readiness;
import io.irisx.temporal.ops.ShutdownSettings;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's graceful stop, run when the server starts stopping (SIGTERM): {@code /ready} turns 503
 * and the drain delay gives load balancers time to stop routing here while requests are still
 * served; then Jetty closes its connectors and finishes the requests in flight (for up to {@code
 * server.shutdownGracePeriod}) before anything else closes.
 */
public final class ApiDrain implements LifeCycle.Listener {
  private static final Logger log = LoggerFactory.getLogger(ApiDrain.class);

  private final Readiness readiness;
  private final ShutdownSettings settings;

  public ApiDrain(Readiness readiness, ShutdownSettings settings) {
    this.readiness = readiness;
    this.settings = settings;
  }

  @Override
  public void lifeCycleStopping(LifeCycle event) {
    if (readiness.isDraining()) {
      return;
    }
    readiness.drain();
    if (!settings.drainDelay().isZero()) {
      log.info(
          "API draining: not ready; serving {} s more before closing its connectors",
          settings.drainDelaySeconds());
      try {
        Thread.sleep(settings.drainDelay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
