package io.gordon.core.router;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Message ids in flight, and ids finished within the dedup window, in one map: a message is
 * admitted with one map operation and settled with one (its entry turns from the flight into a
 * finished mark), where two maps took two each. Bounded: finished ids expire after the window,
 * and the oldest are forgotten first once {@code maxIds} are held. Thread-safe.
 */
final class IdWindow {
  private final ConcurrentHashMap<String, Object> ids = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Done> order = new ConcurrentLinkedQueue<>();
  private final AtomicInteger finished = new AtomicInteger();
  private final Clock clock;
  private final long windowMillis;
  private final int maxIds;

  IdWindow(Clock clock, Duration window, int maxIds) {
    this.clock = clock;
    this.windowMillis = window.toMillis();
    this.maxIds = maxIds;
  }

  /** Registers {@code f}; false when its id is in flight or finished within the window. */
  boolean admit(Flight f) {
    Object prev = ids.putIfAbsent(f.id, f);
    if (prev == null) {
      return true;
    }
    if (prev instanceof Done d && clock.millis() - d.at >= windowMillis
        && ids.replace(f.id, d, f)) {
      finished.decrementAndGet();
      return true;
    }
    return false;
  }

  /** {@code f} is settled: its id is remembered for the window, or forgotten at once. */
  void finished(Flight f, boolean remember) {
    if (!remember || windowMillis <= 0) {
      ids.remove(f.id, f);
      return;
    }
    long now = clock.millis();
    // One object per id, in the map and the queue (no boxed Long): the window holds up to
    // maxIds of them, which every young collection has to copy until they expire.
    Done d = new Done(f.id, now);
    if (ids.replace(f.id, f, d)) {
      finished.incrementAndGet();
      order.add(d);
    }
    expire(now);
  }

  /** The flights in flight now. */
  List<Flight> inFlight() {
    List<Flight> out = new ArrayList<>();
    for (Object o : ids.values()) {
      if (o instanceof Flight f) {
        out.add(f);
      }
    }
    return out;
  }

  private void expire(long now) {
    Done head;
    while ((head = order.peek()) != null
        && (now - head.at >= windowMillis || finished.get() > maxIds)) {
      if (order.remove(head) && ids.remove(head.id, head)) {
        finished.decrementAndGet();
      }
    }
  }

  private record Done(String id, long at) {}
}
