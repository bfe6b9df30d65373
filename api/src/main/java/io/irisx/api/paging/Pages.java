package io.irisx.api.paging;

import io.irisx.api.errors.ProblemException;
import io.irisx.api.representations.Page;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Cursor pagination as every list of the API does it: {@code limit}, {@code cursor}, {@code
 * nextCursor}.
 */
public final class Pages {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  /**
   * Reads one page of rows newest first: (tenant-scoped) {@code (createdAt, id, limit) -> rows}.
   */
  public interface Query<R> {
    List<R> newestFirst(@Nullable Instant cursorCreatedAt, @Nullable UUID cursorId, int limit);
  }

  private Pages() {}

  public static <R, V> Page<V> page(
      String limitParam,
      String cursorParam,
      Query<R> query,
      Function<R, PageCursor> cursorOf,
      Function<R, V> view) {
    int limit = parseLimit(limitParam);
    PageCursor cursor = PageCursor.decodeParam(cursorParam);
    // One row more than asked for says whether there is a next page.
    List<R> rows =
        query.newestFirst(
            cursor == null ? null : cursor.createdAt(),
            cursor == null ? null : cursor.id(),
            limit + 1);
    boolean more = rows.size() > limit;
    List<R> page = more ? rows.subList(0, limit) : rows;
    String next = more ? cursorOf.apply(page.get(page.size() - 1)).encode() : null;
    return new Page<>(page.stream().map(view).toList(), next);
  }

  public static int parseLimit(String limit) {
    if (limit == null || limit.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw ProblemException.validation("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }
}
