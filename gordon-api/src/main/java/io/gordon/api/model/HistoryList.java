package io.gordon.api.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The immutable history of an {@link EventMessage}, cheap to append to: copies made by {@link
 * #append} share one array with the list they came from, and the first append at a given size
 * writes in place (later ones at the same size copy). A message gains one entry per step, so this
 * turns the copy of the whole history per step into one array write.
 *
 * <p>Each list only reads the slots below its own size, which were written before the list was
 * created and are published through final fields; other lists never write those slots again.
 */
final class HistoryList extends AbstractList<HistoryEntry> implements RandomAccess {
  private static final HistoryEntry[] NONE = {};
  private final Buffer buffer;
  private final int size;

  private HistoryList(Buffer buffer, int size) {
    this.buffer = buffer;
    this.size = size;
  }

  /** {@code history} as it is, if already a HistoryList, else a copy (rejecting nulls). */
  static List<HistoryEntry> of(List<HistoryEntry> history) {
    if (history instanceof HistoryList) {
      return history;
    }
    if (history.isEmpty()) {
      return List.of();
    }
    HistoryEntry[] items = List.copyOf(history).toArray(NONE);
    return new HistoryList(new Buffer(items, items.length), items.length);
  }

  /** {@code history} with {@code entry} added at the end. */
  static List<HistoryEntry> append(List<HistoryEntry> history, HistoryEntry entry) {
    if (history instanceof HistoryList h) {
      return h.append(entry);
    }
    int n = history.size();
    HistoryEntry[] items = new HistoryEntry[n + 4];
    for (int i = 0; i < n; i++) {
      items[i] = history.get(i);
    }
    items[n] = entry;
    return new HistoryList(new Buffer(items, n + 1), n + 1);
  }

  private HistoryList append(HistoryEntry entry) {
    Buffer b = buffer;
    if (size < b.items.length && b.used.compareAndSet(size, size + 1)) {
      b.items[size] = entry;
      return new HistoryList(b, size + 1);
    }
    HistoryEntry[] items = new HistoryEntry[size + 1 + Math.max(4, size / 2)];
    System.arraycopy(b.items, 0, items, 0, size);
    items[size] = entry;
    return new HistoryList(new Buffer(items, size + 1), size + 1);
  }

  @Override
  public HistoryEntry get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " out of bounds for length " + size);
    }
    return buffer.items[index];
  }

  @Override
  public int size() {
    return size;
  }

  /** The shared array and how many of its slots are taken. */
  private static final class Buffer {
    final HistoryEntry[] items;
    final AtomicInteger used;

    Buffer(HistoryEntry[] items, int used) {
      this.items = items;
      this.used = new AtomicInteger(used);
    }
  }
}
