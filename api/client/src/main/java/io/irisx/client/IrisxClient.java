package io.irisx.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The IRISX REST API. Make one per API key and share it (it is immutable and thread-safe):
 *
 * <pre>{@code
 * IrisxClient irisx = IrisxClient.fromEnv(); // IRISX_API_URL, IRISX_API_KEY
 * Call call = irisx.calls().start(
 *     StartCallParams.builder().from("+15550100").to("+15550111").flow("hello").build());
 * }</pre>
 *
 * Errors are {@link ProblemException}s, one class per status; a POST is retried with the same
 * {@code Idempotency-Key}, so a retry never starts a second call.
 */
public final class IrisxClient {
  private final Transport transport;
  private final Executor asyncExecutor;

  private IrisxClient(Transport transport, Executor asyncExecutor) {
    this.transport = transport;
    this.asyncExecutor = asyncExecutor;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** From {@code IRISX_API_URL} (default http://127.0.0.1:8080) and {@code IRISX_API_KEY}. */
  public static IrisxClient fromEnv() {
    return fromEnv(System.getenv());
  }

  static IrisxClient fromEnv(Map<String, String> env) {
    String key = env.get("IRISX_API_KEY");
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("IRISX_API_KEY is not set");
    }
    return builder()
        .baseUrl(env.getOrDefault("IRISX_API_URL", "http://127.0.0.1:8080"))
        .apiKey(key)
        .build();
  }

  /** This client with other request options (retries, timeout, the next POST's key). */
  public IrisxClient withOptions(RequestOptions options) {
    return new IrisxClient(transport.with(options), asyncExecutor);
  }

  /** This client with options changed from its own. */
  public IrisxClient withOptions(Function<RequestOptions.Builder, RequestOptions.Builder> change) {
    return withOptions(change.apply(transport.options().toBuilder()).build());
  }

  /**
   * Runs a call of this client without blocking the caller: {@code irisx.async(c ->
   * c.calls().start(params))}.
   */
  public <T> CompletableFuture<T> async(Function<IrisxClient, T> request) {
    return CompletableFuture.supplyAsync(() -> request.apply(this), asyncExecutor);
  }

  public Calls calls() {
    return new Calls(transport);
  }

  public PhoneNumbers phoneNumbers() {
    return new PhoneNumbers(transport);
  }

  public Webhooks webhooks() {
    return new Webhooks(transport);
  }

  public WebhookDeliveries webhookDeliveries() {
    return new WebhookDeliveries(transport);
  }

  public ApiKeys apiKeys() {
    return new ApiKeys(transport);
  }

  public Contacts contacts() {
    return new Contacts(transport);
  }

  public Recordings recordings() {
    return new Recordings(transport);
  }

  /** Requests leave out their unset fields themselves; a patch's null is sent, as it clears. */
  static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** Builds an {@link IrisxClient}; the base URL and the API key are required. */
  public static final class Builder {
    private @Nullable URI baseUrl;
    private @Nullable String apiKey;
    private RequestOptions options = RequestOptions.DEFAULTS;
    private @Nullable HttpClient http;
    private Transport.Sleeper sleeper = Thread::sleep;
    private @Nullable Executor asyncExecutor;

    private Builder() {}

    /** Where the API is, e.g. https://api.example.com (no /v1). */
    public Builder baseUrl(String value) {
      baseUrl = URI.create(value);
      return this;
    }

    public Builder apiKey(String value) {
      apiKey = value;
      return this;
    }

    public Builder options(RequestOptions value) {
      options = Objects.requireNonNull(value);
      return this;
    }

    public Builder maxRetries(int value) {
      options = options.toBuilder().maxRetries(value).build();
      return this;
    }

    public Builder timeout(Duration value) {
      options = options.toBuilder().timeout(value).build();
      return this;
    }

    /** Java's HTTP client to send with (proxy, TLS, executor); one of its own when not given. */
    public Builder httpClient(HttpClient value) {
      http = value;
      return this;
    }

    /** Where {@link IrisxClient#async} runs requests; virtual threads when not given. */
    public Builder asyncExecutor(Executor value) {
      asyncExecutor = value;
      return this;
    }

    Builder sleeper(Transport.Sleeper value) {
      sleeper = value;
      return this;
    }

    public IrisxClient build() {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(apiKey, "apiKey");
      HttpClient client =
          http != null
              ? http
              : HttpClient.newBuilder()
                  .connectTimeout(Duration.ofSeconds(10))
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
      return new IrisxClient(
          new Transport(client, baseUrl, apiKey, options, objectMapper(), sleeper),
          asyncExecutor != null ? asyncExecutor : Executors.newVirtualThreadPerTaskExecutor());
    }
  }
}
