package io.irisx.api.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the console's built files from the class path ({@code irisx/console/}, which the {@code
 * irisx-console} module's build fills) at {@code /console/}. Any path that is not a file is a page
 * of the single-page app and gets {@code index.html}, so a link to {@code /console/calls/…} opens
 * that page. Fingerprinted files under {@code assets/} are cached for a year; {@code index.html} is
 * revalidated each time, so a new build is picked up at once. Every answer carries a Content
 * Security Policy that allows only this origin's scripts and styles: a string that slipped past the
 * console's escaping still could not run.
 */
public final class ConsoleAssetServlet extends HttpServlet {
  static final String ROOT = "irisx/console/";
  private static final String INDEX = "index.html";
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " media-src 'self' http: https:; connect-src 'self'; font-src 'self';"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "json", "application/json",
          "woff2", "font/woff2",
          "txt", "text/plain; charset=utf-8");

  private final ClassLoader loader;

  public ConsoleAssetServlet() {
    this.loader = ConsoleAssetServlet.class.getClassLoader();
  }

  /** Whether the console was built into this class path (false: the module was skipped). */
  public static boolean isBuilt() {
    return ConsoleAssetServlet.class.getClassLoader().getResource(ROOT + INDEX) != null;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    if (path == null) {
      response.sendRedirect(request.getRequestURI() + "/");
      return;
    }
    String relative = path.replaceFirst("^/+", "");
    boolean asset = !relative.isEmpty() && isSafe(relative) && exists(relative);
    if (!asset && relative.startsWith("assets/")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String file = asset ? relative : INDEX;
    try (InputStream in = loader.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        response.sendError(
            HttpServletResponse.SC_NOT_FOUND,
            "The console is not built into this API (build with ./mvnw package).");
        return;
      }
      response.setContentType(type(file));
      response.setHeader(
          "Cache-Control",
          file.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      response.setHeader("Content-Security-Policy", CSP);
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "no-referrer");
      try (OutputStream out = response.getOutputStream()) {
        in.transferTo(out);
      }
    }
  }

  private boolean exists(String relative) {
    return !relative.endsWith("/") && loader.getResource(ROOT + relative) != null;
  }

  /** Only plain relative names: no parent steps, no back-slashes, no encoded tricks. */
  private static boolean isSafe(String relative) {
    return relative.matches("[A-Za-z0-9._/-]+") && !relative.contains("..");
  }

  private static String type(String file) {
    int dot = file.lastIndexOf('.');
    String extension = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
