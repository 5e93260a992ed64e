package io.gordon.core.router;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Message ids finished within the dedup window. Bounded: ids expire after the window, and the
 * oldest are forgotten first once {@code maxIds} are held. Amortised O(1) per call.
 */
final class DedupWindow {
  private final ConcurrentHashMap<String, Entry> doneAt = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Entry> order = new ConcurrentLinkedQueue<>();
  private final Clock clock;
  private final long windowMillis;
  private final int maxIds;

  DedupWindow(Clock clock, java.time.Duration window, int maxIds) {
    this.clock = clock;
    this.windowMillis = window.toMillis();
    this.maxIds = maxIds;
  }

  /** Whether {@code id} finished within the window. */
  boolean seen(String id) {
    Entry e = doneAt.get(id);
    return e != null && clock.millis() - e.at < windowMillis;
  }

  /** Remembers that {@code id} finished now. */
  void remember(String id) {
    if (windowMillis <= 0) {
      return;
    }
    long now = clock.millis();
    // One object per id, in the map and the queue (no boxed Long): the window holds up to
    // maxIds of them, which every young collection has to copy until they expire.
    Entry e = new Entry(id, now);
    doneAt.put(id, e);
    order.add(e);
    expire(now);
  }

  private void expire(long now) {
    Entry head;
    while ((head = order.peek()) != null
        && (now - head.at >= windowMillis || doneAt.size() > maxIds)) {
      if (order.remove(head)) {
        doneAt.remove(head.id, head);
      }
    }
  }

  private record Entry(String id, long at) {}
}
