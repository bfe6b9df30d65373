package io.irisx.api.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * {@code irisx_http_server_requests_seconds}: every API request timed by method, route template
 * (e.g. {@code /v1/calls/{id}}, never the raw path, so ids do not explode the series) and status,
 * as a histogram for latency percentiles. Dropwizard's own Jetty meters (requests by status class)
 * come along in the same scrape.
 */
@Provider
public final class RequestMetrics implements ApplicationEventListener {
  private static final String UNMATCHED = "unmatched";

  private final MeterRegistry registry;

  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onEvent(ApplicationEvent event) {
    // nothing to do at application level
  }

  @Override
  public RequestEventListener onRequest(RequestEvent requestEvent) {
    long started = System.nanoTime();
    return event -> {
      if (event.getType() != RequestEvent.Type.FINISHED) {
        return;
      }
      Timer.builder("irisx_http_server_requests")
          .description("API requests by method, route and status")
          .tag("method", event.getContainerRequest().getMethod())
          .tag("route", route(event))
          .tag("status", Integer.toString(status(event)))
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofSeconds(30))
          .register(registry)
          .record(Duration.ofNanos(System.nanoTime() - started));
    };
  }

  private static int status(RequestEvent event) {
    if (event.getContainerResponse() != null) {
      return event.getContainerResponse().getStatus();
    }
    return event.getException() == null ? 200 : 500;
  }

  /** The matched templates joined, outermost first: {@code /v1/calls/{id}}. */
  private static String route(RequestEvent event) {
    var templates = event.getUriInfo().getMatchedTemplates();
    if (templates == null || templates.isEmpty()) {
      return UNMATCHED;
    }
    StringBuilder route = new StringBuilder();
    for (int i = templates.size() - 1; i >= 0; i--) {
      String template = templates.get(i).getTemplate();
      if (!template.equals("/")) {
        route.append(template.startsWith("/") ? "" : "/").append(template);
      }
    }
    String text = route.toString().replaceAll("/+", "/");
    return text.isEmpty() ? "/" : text;
  }
}
