package io.irisx.api.paging;

import java.util.Optional;
import java.util.UUID;

/** Ids in paths: only a canonical UUID is an id; anything else names nothing ("not found"). */
public final class ResourceIds {
  private ResourceIds() {}

  public static Optional<UUID> parse(String id) {
    if (id == null) {
      return Optional.empty();
    }
    try {
      UUID uuid = UUID.fromString(id);
      // UUID.fromString accepts shortened forms such as "1-2-3-4-5"; only the canonical one is an
      // id.
      return uuid.toString().equalsIgnoreCase(id) ? Optional.of(uuid) : Optional.empty();
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  /** An id as it may be echoed in an error message: bounded in length. */
  public static String shown(String id) {
    return id.length() <= 40 ? id : id.substring(0, 40) + "…";
  }
}
