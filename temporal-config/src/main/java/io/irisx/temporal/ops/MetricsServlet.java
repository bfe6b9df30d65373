package io.irisx.temporal.ops;

import io.prometheus.client.exporter.common.TextFormat;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} on the admin port: the Prometheus text exposition of {@link ProcessMetrics}.
 */
public final class MetricsServlet extends HttpServlet {
  @Serial private static final long serialVersionUID = 1L;

  private final transient ProcessMetrics metrics;

  MetricsServlet(ProcessMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(TextFormat.CONTENT_TYPE_004);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
