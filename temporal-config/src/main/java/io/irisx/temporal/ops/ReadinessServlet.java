package io.irisx.temporal.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /ready} on the admin port: {@code 200 {"ready":true}} or {@code 503
 * {"ready":false,"waitingFor":[…]}}, for load balancers and Kubernetes readiness probes.
 */
public final class ReadinessServlet extends HttpServlet {
  @Serial private static final long serialVersionUID = 1L;

  private final transient Readiness readiness;

  ReadinessServlet(Readiness readiness) {
    this.readiness = readiness;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    List<String> waitingFor = readiness.waitingFor();
    StringBuilder json = new StringBuilder("{\"ready\":").append(waitingFor.isEmpty());
    if (!waitingFor.isEmpty()) {
      json.append(",\"waitingFor\":[");
      for (int i = 0; i < waitingFor.size(); i++) {
        json.append(i == 0 ? "" : ",").append(quoted(waitingFor.get(i)));
      }
      json.append(']');
    }
    json.append("}\n");
    byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(
        waitingFor.isEmpty()
            ? HttpServletResponse.SC_OK
            : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
