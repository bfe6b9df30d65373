package io.irisx.activities.webhook;

import io.irisx.workflows.webhook.WebhookSettings;
import io.irisx.workflows.webhook.WebhookUrlPolicy;
import io.irisx.workflows.webhook.WebhookUrlRefusedException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * Sends one webhook request with {@link HttpClient}, to the address the policy has just checked.
 *
 * <p>The URL's host is resolved and every address checked right before the request, and the request
 * goes to the first checked address, written into the URL: nothing resolves the name again, so DNS
 * rebinding cannot swap in another address. For https the certificate is still checked against the
 * URL's host name: the request carries that name as SNI, and JSSE verifies the server's identity
 * against the SNI name (one {@link HttpClient} per host name, since SNI is a client setting). A
 * plain-http request's {@code Host} header carries the address.
 *
 * <p>Redirects are not followed (a 3xx is a failed attempt): a redirect could lead anywhere.
 */
public final class WebhookSender implements AutoCloseable {
  static final int KEPT_RESPONSE_BYTES = 1024;
  private static final int MAX_TLS_CLIENTS = 512;
  static final String USER_AGENT = "IRISX-Webhooks/1";
  static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(2);

  private final WebhookUrlPolicy policy;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final HttpClient plain;
  private final Map<String, HttpClient> byServerName =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, HttpClient> eldest) {
          if (size() > MAX_TLS_CLIENTS) {
            eldest.getValue().shutdown();
            return true;
          }
          return false;
        }
      };

  public WebhookSender(WebhookUrlPolicy policy, WebhookSettings settings) {
    this.policy = policy;
    this.connectTimeout = Duration.ofMillis(settings.connectTimeoutMillis());
    this.requestTimeout = Duration.ofMillis(settings.requestTimeoutMillis());
    this.plain = client(null);
  }

  /**
   * Checks the URL, sends once and waits for the answer, calling {@code stillWaiting} every {@link
   * #HEARTBEAT_EVERY} meanwhile (the activity heartbeats, so a worker that dies in the middle is
   * noticed in seconds, not after the activity's whole timeout).
   */
  HttpAttempt send(String url, Map<String, String> headers, byte[] body, Runnable stillWaiting) {
    WebhookUrlPolicy.Target target;
    try {
      target = policy.check(url);
    } catch (WebhookUrlRefusedException refused) {
      return HttpAttempt.refusal(refused.getMessage(), !refused.mayPassLater());
    }
    URI pinned = target.pinnedUri();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(pinned)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    HttpClient client =
        target.isHttps() && !target.hostIsLiteral() ? clientFor(target.host()) : plain;
    FirstBytes handler = new FirstBytes(KEPT_RESPONSE_BYTES);
    long started = System.nanoTime();
    CompletableFuture<java.net.http.HttpResponse<String>> response =
        client.sendAsync(request.build(), handler);
    // The request timeout covers the headers; this deadline also covers the (capped) body.
    long deadlineMillis = connectTimeout.plus(requestTimeout).toMillis();
    long deadline = started + TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException();
        }
        try {
          java.net.http.HttpResponse<String> answer =
              response.get(Math.min(left, HEARTBEAT_EVERY.toNanos()), TimeUnit.NANOSECONDS);
          Long retryAfter =
              RetryAfter.applies(answer.statusCode())
                  ? RetryAfter.parse(
                          answer.headers().firstValue("Retry-After").orElse(null),
                          java.time.Instant.now())
                      .map(Duration::toMillis)
                      .orElse(null)
                  : null;
          return new HttpAttempt(
              answer.statusCode(), elapsed(started), answer.body(), null, false, retryAfter, false);
        } catch (TimeoutException notYet) {
          stillWaiting.run();
        }
      }
    } catch (TimeoutException stalled) {
      response.cancel(true);
      int status = handler.status();
      return status > 0
          ? new HttpAttempt(status, elapsed(started), null, "the response body stalled", false)
          : new HttpAttempt(
              null, elapsed(started), null, "no answer within " + deadlineMillis + " ms", false);
    } catch (ExecutionException failed) {
      return new HttpAttempt(null, elapsed(started), null, describe(failed.getCause()), false);
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while delivering a webhook", e);
    }
  }

  private synchronized HttpClient clientFor(String serverName) {
    return byServerName.computeIfAbsent(serverName, this::client);
  }

  private HttpClient client(String serverName) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout);
    if (serverName != null) {
      SSLParameters ssl = new SSLParameters();
      ssl.setServerNames(List.of(new SNIHostName(serverName)));
      builder.sslParameters(ssl);
    }
    return builder.build();
  }

  private static String describe(Throwable failure) {
    if (failure instanceof HttpConnectTimeoutException) {
      return "connecting timed out";
    }
    if (failure instanceof HttpTimeoutException) {
      return "no answer within the request timeout";
    }
    if (failure instanceof ConnectException) {
      return "connection refused";
    }
    if (failure instanceof SSLException) {
      return "TLS failed: " + failure.getMessage();
    }
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static long elapsed(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  @Override
  public synchronized void close() {
    plain.shutdown();
    byServerName.values().forEach(HttpClient::shutdown);
    byServerName.clear();
  }
}
