package io.gordon.benchmarks.local;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * This process's garbage collections and allocation since a point: counts and bytes hardly depend
 * on the machine's load (unlike pause times), so they show what a change bought on a shared
 * machine.
 */
public record Gc(long count, long millis, long allocated) {
  /** Now. */
  public static Gc now() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, b.getCollectionCount());
      millis += Math.max(0, b.getCollectionTime());
    }
    return new Gc(count, millis, allocatedBytes());
  }

  /** "gc: N collections, T ms, K KB allocated per request" since this point. */
  public String since(int requests) {
    Gc now = now();
    return String.format(
        "gc: %d collections, %d ms, %.1f KB allocated/request",
        now.count - count, now.millis - millis, (now.allocated - allocated) / 1024.0 / requests);
  }

  /** Bytes allocated by all threads (virtual threads count on their carriers). */
  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getTotalThreadAllocatedBytes();
  }
}
