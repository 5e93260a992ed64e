package io.gordon.local.zonefile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** One lock per zone: a zone's copy in memory, journal and file change only under it. */
final class ZoneLocks {
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  <T> T locked(String zone, Supplier<T> body) {
    ReentrantLock lock = locks.computeIfAbsent(zone, z -> new ReentrantLock());
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }
}
