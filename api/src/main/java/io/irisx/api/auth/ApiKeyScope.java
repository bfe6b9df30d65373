package io.irisx.api.auth;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** What an API key may do: everything, or only read (GET and HEAD). */
public enum ApiKeyScope {
  FULL("full"),
  READ_ONLY("read-only");

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final String wireName;

  ApiKeyScope(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether a key of this scope may make a request with this HTTP method. */
  public boolean allows(String httpMethod) {
    return this == FULL || READ_METHODS.contains(httpMethod);
  }

  public static Optional<ApiKeyScope> fromWireName(String name) {
    return Arrays.stream(values()).filter(scope -> scope.wireName.equals(name)).findFirst();
  }

  /** The names a client may send, for error messages. */
  public static String wireNames() {
    return String.join(", ", Arrays.stream(values()).map(ApiKeyScope::wireName).toList());
  }
}
