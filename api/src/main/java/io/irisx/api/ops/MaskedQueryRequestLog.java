package io.irisx.api.ops;

import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The request log never shows a secret sent in a query string: the value of every parameter whose
 * name says it carries one ({@code access_token}, {@code api_key}, {@code token}, {@code password},
 * {@code secret}, {@code signature}, ...) is written as {@code ***}. The API refuses keys in the
 * address (401), but the request line was logged all the same.
 *
 * <p>Register it with {@code environment.lifecycle().addEventListener(new
 * MaskedQueryRequestLog.Installer())} after {@code QuietRequestLog}.
 */
public final class MaskedQueryRequestLog extends ContainerLifeCycle implements RequestLog {
  static final String MASK = "***";

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          ".*(token|key|secret|password|passwd|pwd|signature|sig|auth|credential|session).*");

  private final RequestLog delegate;

  public MaskedQueryRequestLog(RequestLog delegate) {
    this.delegate = delegate;
    addBean(delegate);
  }

  @Override
  public void log(Request request, Response response) {
    String query = request.getHttpURI().getQuery();
    if (query == null || query.isEmpty()) {
      delegate.log(request, response);
      return;
    }
    HttpURI masked = HttpURI.build(request.getHttpURI()).query(masked(query)).asImmutable();
    delegate.log(
        new Request.Wrapper(request) {
          @Override
          public HttpURI getHttpURI() {
            return masked;
          }
        },
        response);
  }

  /** The query with the values of secret-bearing parameters replaced. */
  static String masked(String query) {
    StringBuilder out = new StringBuilder();
    for (String pair : query.split("&", -1)) {
      if (!out.isEmpty()) {
        out.append('&');
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (equals >= 0 && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
        out.append(name).append('=').append(MASK);
      } else {
        out.append(pair);
      }
    }
    return out.toString();
  }

  /** Wraps the server's request log as the server starts, before anything is logged. */
  public static final class Installer implements LifeCycle.Listener {
    @Override
    public void lifeCycleStarting(LifeCycle event) {
      if (event instanceof Server server
          && server.getRequestLog() != null
          && !(server.getRequestLog() instanceof MaskedQueryRequestLog)) {
        server.setRequestLog(new MaskedQueryRequestLog(server.getRequestLog()));
      }
    }
  }
}
