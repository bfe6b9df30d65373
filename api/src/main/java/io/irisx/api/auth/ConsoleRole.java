package io.irisx.api.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a console user may do. {@code admin}: everything, users and API keys included. {@code
 * agent}: read everything but users and API keys; place, steer and hang up calls; keep contacts.
 * {@code viewer}: read what an agent reads, change nothing. Everyone may sign out.
 */
public enum ConsoleRole {
  ADMIN("admin"),
  AGENT("agent"),
  VIEWER("viewer");

  private final String wireName;

  ConsoleRole(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ConsoleRole> fromWireName(String name) {
    return Arrays.stream(values()).filter(role -> role.wireName.equals(name)).findFirst();
  }

  public static String wireNames() {
    return String.join(", ", Arrays.stream(values()).map(ConsoleRole::wireName).toList());
  }

  /** Whether this role may read the resource at {@code path} ({@code /v1/...}). */
  public boolean mayRead(String path) {
    return this == ADMIN || !(under(path, "/v1/users") || under(path, "/v1/api-keys"));
  }

  /** Whether this role may change the resource at {@code path} (POST, PUT, PATCH, DELETE). */
  public boolean mayWrite(String path) {
    if (path.equals("/v1/session")) {
      return true;
    }
    return switch (this) {
      case ADMIN -> true;
      case AGENT -> under(path, "/v1/calls") || under(path, "/v1/contacts");
      case VIEWER -> false;
    };
  }

  private static boolean under(String path, String collection) {
    return path.equals(collection) || path.startsWith(collection + "/");
  }
}
