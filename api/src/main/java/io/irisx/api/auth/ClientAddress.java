package io.irisx.api.auth;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;

/**
 * The client address of a request, for what is counted per client (refused keys). Jersey's filters
 * see no socket, and the authentication filters are not Jersey-managed instances (no injection), so
 * a servlet filter puts the address where every Jersey filter can read it: a request attribute,
 * which Jersey shows as a request property.
 */
public final class ClientAddress {
  static final String ATTRIBUTE = "io.irisx.clientAddress";

  private ClientAddress() {}

  /** The address the servlet filter recorded; {@code unknown} outside a servlet request. */
  public static String of(ContainerRequestContext request) {
    Object address = request.getProperty(ATTRIBUTE);
    return address instanceof String text ? text : "unknown";
  }

  /** Records {@code getRemoteAddr()} (the proxy's, unless Jetty is told of forwarded headers). */
  public static final class RecordingFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      request.setAttribute(ATTRIBUTE, request.getRemoteAddr());
      chain.doFilter(request, response);
    }
  }
}
