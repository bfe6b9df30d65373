package io.irisx.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list, newest first; {@link #nextCursor()} fetches the next. {@link #autoPager()}
 * walks this page and every later one, fetching each when the previous is used up.
 */
public final class Page<T> {
  private final List<T> data;
  private final @Nullable String nextCursor;
  private final Function<String, Page<T>> fetch;

  Page(List<T> data, @Nullable String nextCursor, Function<String, Page<T>> fetch) {
    this.data = List.copyOf(data);
    this.nextCursor = nextCursor;
    this.fetch = fetch;
  }

  public List<T> data() {
    return data;
  }

  /** The cursor of the next page; empty on the last page. */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  public boolean hasNextPage() {
    return nextCursor != null;
  }

  /** The next page; throws {@link NoSuchElementException} on the last one. */
  public Page<T> nextPage() {
    if (nextCursor == null) {
      throw new NoSuchElementException("this is the last page");
    }
    return fetch.apply(nextCursor);
  }

  /** Every item of this page and the pages after it, fetched one page at a time. */
  public Iterable<T> autoPager() {
    return () -> new Walker<>(this);
  }

  /** As {@link #autoPager()}, as a stream. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(autoPager().iterator(), Spliterator.ORDERED), false);
  }

  /** Every item of every page, in one list (for lists known to be short). */
  public List<T> all() {
    List<T> items = new ArrayList<>();
    autoPager().forEach(items::add);
    return items;
  }

  private static final class Walker<T> implements Iterator<T> {
    private Page<T> page;
    private int next;

    Walker(Page<T> first) {
      page = first;
    }

    @Override
    public boolean hasNext() {
      while (next >= page.data.size() && page.hasNextPage()) {
        page = page.nextPage();
        next = 0;
      }
      return next < page.data.size();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.data.get(next++);
    }
  }
}
