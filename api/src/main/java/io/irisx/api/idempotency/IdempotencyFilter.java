package io.irisx.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irisx.api.IdempotencySettings;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.auth.Operator;
import io.irisx.api.errors.Problem;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.db.IdempotencyDao;
import io.irisx.db.IdempotencyRecord;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} on every POST, for every resource present and future: the first request
 * with a key claims it (a row in {@code idempotency_keys}, whose primary key makes exactly one
 * request win across all API replicas) and runs; its response (status, body, {@code Location}) is
 * stored and replayed to every later request with the same key and the same request (method, path,
 * JSON body), with {@code Idempotent-Replayed: true}. The same key with another request is {@code
 * 422 idempotency-key-reused}. A duplicate that arrives while the first still runs waits for its
 * response, up to {@code idempotency.waitSeconds}, then gets {@code 409 idempotency-key-in-use}.
 *
 * <p>A request refused with a 4xx changed nothing, so its key is given back and may be used again
 * (with a corrected body, say). So is a {@code 503 call-outcome-unknown}: the retry asks again what
 * became of the call, which the key's derived call id makes safe. Every other response, 5xx
 * included, is kept for {@code idempotency.retentionHours}: a replay never does the work twice.
 *
 * <p>Secrets are never stored: the fields a resource method names in {@link SecretFields} (a new
 * API key) are left out of the stored response, so a replay answers without them.
 *
 * <p>Runs after authentication and scope checks: a key belongs to its tenant (or to the operator),
 * and a request that is not allowed claims nothing.
 */
@Provider
@Priority(Priorities.USER)
public final class IdempotencyFilter
    implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {
  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  static final int MAX_KEY_LENGTH = 255;
  static final int MAX_BODY_BYTES = io.irisx.api.requests.RequestBodyLimit.MAX_BODY_BYTES;
  private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FIRST_POLL = Duration.ofMillis(20);
  private static final Duration LONGEST_POLL = Duration.ofMillis(250);

  /** A key this request holds, and the status of its response once known. */
  private record Claim(
      String owner,
      String key,
      String requestHash,
      Instant lockedAt,
      List<String> secretFields,
      @Nullable Integer status) {
    Claim withStatus(int responseStatus) {
      return new Claim(owner, key, requestHash, lockedAt, secretFields, responseStatus);
    }
  }

  private final IdempotencyDao records;
  private final IdempotencySettings settings;
  private final Clock clock;

  public IdempotencyFilter(IdempotencyDao records, IdempotencySettings settings, Clock clock) {
    this.records = records;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    String key = request.getHeaderString(HEADER);
    if (key == null) {
      return;
    }
    Principal principal =
        request.getSecurityContext() == null
            ? null
            : request.getSecurityContext().getUserPrincipal();
    UUID tenantId = principal instanceof AuthenticatedTenant tenant ? tenant.tenantId() : null;
    String owner =
        tenantId != null ? "tenant:" + tenantId : principal instanceof Operator ? "operator" : null;
    if (owner == null) {
      return; // an unauthenticated route: nothing to scope the key to
    }
    if (!isWellFormed(key)) {
      throw ProblemException.validation(
          HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (a UUID is ideal)");
    }
    byte[] body = readBody(request);
    request.setEntityStream(new ByteArrayInputStream(body));
    String path = request.getUriInfo().getRequestUri().getRawPath();
    String requestHash = RequestFingerprint.of(request.getMethod(), path, body);

    Instant giveUpAt = clock.instant().plusSeconds(settings.getWaitSeconds());
    Duration poll = FIRST_POLL;
    while (true) {
      Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
      Optional<Boolean> claimed =
          records.claim(
              owner,
              key,
              tenantId,
              requestHash,
              request.getMethod(),
              path,
              now,
              now.minusSeconds(settings.getAbandonedAfterSeconds()),
              now.plus(settings.getRetentionHours(), ChronoUnit.HOURS));
      if (claimed.isPresent()) {
        request.setProperty(
            CLAIM, new Claim(owner, key, requestHash, now, secretFields(request), null));
        return;
      }
      Optional<IdempotencyRecord> existing = records.find(owner, key);
      if (existing.isEmpty()) {
        continue; // given back (or purged) in between: claim it again
      }
      IdempotencyRecord record = existing.get();
      if (!record.requestHash().equals(requestHash)) {
        throw new ProblemException(
            ProblemType.IDEMPOTENCY_KEY_REUSED,
            "This Idempotency-Key was first used for another request (a "
                + record.method()
                + " to "
                + record.path()
                + " with another body, or to another path); use a new key for a new request.");
      }
      if (record.completed()) {
        request.abortWith(replay(record));
        return;
      }
      if (!clock.instant().isBefore(giveUpAt)) {
        throw new ProblemException(
                ProblemType.IDEMPOTENCY_KEY_IN_USE,
                "A request with this Idempotency-Key is still being processed; retry shortly with"
                    + " the same key to get its response.")
            .withHeader(HttpHeaders.RETRY_AFTER, "1");
      }
      pause(poll);
      poll = poll.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : poll.multipliedBy(2);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
      return;
    }
    int status = response.getStatus();
    if (status >= 400 && status < 500 || isUnsettled(response)) {
      // Refused: nothing happened, so the key is free for the corrected request. Unsettled: a
      // retry must find out what happened, not replay "unknown"; the key's derived call id keeps
      // it from making a second call.
      request.removeProperty(CLAIM);
      release(claim);
      return;
    }
    if (!response.hasEntity()) {
      request.removeProperty(CLAIM);
      store(claim.withStatus(status), response.getHeaders(), null, new byte[0]);
      return;
    }
    // The body is stored as written, once the writer interceptor has it.
    request.setProperty(CLAIM, claim.withStatus(status));
  }

  private static boolean isUnsettled(ContainerResponseContext response) {
    return response.getEntity() instanceof Problem problem
        && ProblemType.CALL_OUTCOME_UNKNOWN.type().toString().equals(problem.type());
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    if (!(context.getProperty(CLAIM) instanceof Claim claim) || claim.status() == null) {
      context.proceed();
      return;
    }
    context.removeProperty(CLAIM);
    OutputStream client = context.getOutputStream();
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    context.setOutputStream(written);
    try {
      context.proceed();
    } finally {
      context.setOutputStream(client);
    }
    byte[] body = written.toByteArray();
    // Stored before the client gets it: a client that hangs up still finds it on retry.
    store(
        claim,
        context.getHeaders(),
        context.getMediaType(),
        withoutSecrets(body, claim.secretFields()));
    client.write(body);
  }

  private void store(
      Claim claim,
      jakarta.ws.rs.core.MultivaluedMap<String, Object> headers,
      @Nullable MediaType type,
      byte[] body) {
    Map<String, String> kept = new LinkedHashMap<>();
    Object contentType = type != null ? type : headers.getFirst(HttpHeaders.CONTENT_TYPE);
    if (contentType != null) {
      kept.put(HttpHeaders.CONTENT_TYPE, contentType.toString());
    }
    Object location = headers.getFirst(HttpHeaders.LOCATION);
    if (location != null) {
      kept.put(HttpHeaders.LOCATION, location.toString());
    }
    try {
      boolean stored =
          records.complete(
              claim.owner(),
              claim.key(),
              claim.requestHash(),
              claim.lockedAt(),
              Objects.requireNonNull(claim.status(), "a claim is stored with its answer's status"),
              JSON.writeValueAsString(kept),
              body,
              clock.instant());
      if (!stored) {
        log.warn(
            "the idempotency record of a {} response was taken over before it was stored",
            claim.status());
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      // The response itself stands; a retry with the key re-runs the request once the claim is
      // abandoned (idempotency.abandonedAfterSeconds). Calls stay single: their id comes from the
      // key.
      log.error("could not store the response for an idempotency key", e);
    }
  }

  private void release(Claim claim) {
    try {
      records.release(claim.owner(), claim.key(), claim.requestHash(), claim.lockedAt());
    } catch (RuntimeException e) {
      log.error("could not give back an idempotency key after a refused request", e);
    }
  }

  /** The fields of the resource method's {@link SecretFields}, if it has any. */
  private static List<String> secretFields(ContainerRequestContext request) {
    if (request.getUriInfo() instanceof ExtendedUriInfo uriInfo
        && uriInfo.getMatchedResourceMethod() != null) {
      SecretFields secrets =
          uriInfo
              .getMatchedResourceMethod()
              .getInvocable()
              .getDefinitionMethod()
              .getAnnotation(SecretFields.class);
      if (secrets != null) {
        return List.of(secrets.value());
      }
    }
    return List.of();
  }

  private static byte[] withoutSecrets(byte[] body, List<String> secretFields) {
    if (secretFields.isEmpty()) {
      return body;
    }
    try {
      JsonNode json = JSON.readTree(body);
      if (json instanceof ObjectNode object) {
        object.remove(secretFields);
        return JSON.writeValueAsBytes(object);
      }
      return body;
    } catch (IOException notJson) {
      // A secret-bearing response that is not a JSON object (an error page): nothing to keep.
      return new byte[0];
    }
  }

  private static Response replay(IdempotencyRecord record) {
    Map<String, String> headers;
    try {
      headers =
          JSON.readValue(
              record.responseHeadersJson(),
              new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an idempotency record holds headers we cannot read", e);
    }
    byte[] body = record.responseBody() == null ? new byte[0] : record.responseBody();
    Response.ResponseBuilder response =
        Response.status(record.responseStatus()).header(REPLAYED_HEADER, "true");
    headers.forEach(response::header);
    if (body.length > 0) {
      response.entity(body);
    }
    return response.build();
  }

  private static byte[] readBody(ContainerRequestContext request) throws IOException {
    if (!request.hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = request.getEntityStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw io.irisx.api.requests.RequestBodyLimit.tooLarge();
      }
      return body;
    }
  }

  /** Visible ASCII only: the key is echoed into nothing, but stays printable in logs and the UI. */
  static boolean isWellFormed(String key) {
    return !key.isEmpty()
        && key.length() <= MAX_KEY_LENGTH
        && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(
          new java.io.InterruptedIOException("interrupted while waiting"));
    }
  }
}
