package io.irisx.client;

import java.net.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * An answer of the API with its status and headers, for a caller that wants more than the body
 * ({@code Location}, {@code Idempotent-Replayed}, a rate limit's headers); {@code attempts} counts
 * the requests sent, retries included, all with {@code idempotencyKey} (a POST's; null otherwise).
 */
public record ApiResponse<T>(
    int status,
    HttpHeaders headers,
    @Nullable T body,
    int attempts,
    @Nullable String idempotencyKey) {}
