package io.irisx.api.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The errors Jetty answers itself, before Jersey sees the request (a path with a suspicious or
 * ambiguous character, a method Dropwizard's filter refuses, a request it cannot parse), as RFC
 * 9457 problem documents like every other error of the API: for every method (Jetty's own handler
 * writes an HTML page for GET and POST and nothing at all for the others), and a {@code 405} with
 * the {@code Allow} header RFC 9110 requires.
 */
public final class JettyProblemErrorHandler extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, String> allowedMethods;

  /** {@code allowedMethods}: the {@code Allow} value for a request path (empty: none). */
  public JettyProblemErrorHandler(Function<String, String> allowedMethods) {
    this.allowedMethods = allowedMethods;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    int status =
        request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
    if (status < 400) {
      status = HttpStatus.INTERNAL_SERVER_ERROR_500;
    }
    String path = request.getHttpURI().getPath();
    Problem problem = ProblemType.generic(status, detail(status, request), path);
    response.setStatus(status);
    if (status == HttpStatus.METHOD_NOT_ALLOWED_405
        && !response.getHeaders().contains(HttpHeader.ALLOW)) {
      response.getHeaders().put(HttpHeader.ALLOW, allowedMethods.apply(path));
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    generateCacheControl(response);
    response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(problem)), callback);
    return true;
  }

  private static @Nullable String detail(int status, Request request) {
    return switch (status) {
      case HttpStatus.BAD_REQUEST_400 ->
          "The request is malformed"
              + (request.getAttribute(ERROR_MESSAGE) instanceof String message
                  ? ": " + message + "."
                  : ".");
      case HttpStatus.METHOD_NOT_ALLOWED_405 ->
          request.getMethod() + " is not allowed here; Allow lists what is.";
      default -> null;
    };
  }
}
