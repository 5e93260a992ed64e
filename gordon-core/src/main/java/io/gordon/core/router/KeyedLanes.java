package io.gordon.core.router;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Runs tasks strictly one at a time and in arrival order per key, different keys in parallel,
 * each active key on its own virtual thread. An idle key costs nothing: its lane is removed
 * when empty. Enqueue and lane retirement are atomic per key (ConcurrentHashMap.compute locks
 * one bin, not the map), so no global lock is taken and no thread spins.
 *
 * @param <T> the task type
 */
final class KeyedLanes<T> {
  private final ConcurrentHashMap<String, Lane<T>> lanes = new ConcurrentHashMap<>();
  private final Consumer<T> worker;
  private final Thread.Builder threads = Thread.ofVirtual().name("gordon-lane-", 0);

  KeyedLanes(Consumer<T> worker) {
    this.worker = worker;
  }

  /** Queues {@code task} behind every earlier task of {@code key}. */
  void submit(String key, T task) {
    Lane<T>[] started = newLaneHolder();
    lanes.compute(key, (k, lane) -> {
      Lane<T> l = lane != null ? lane : new Lane<>();
      l.queue.add(task);
      if (lane == null) {
        started[0] = l;
      }
      return l;
    });
    if (started[0] != null) {
      Lane<T> l = started[0];
      threads.start(() -> drain(key, l));
    }
  }

  /** Number of keys with queued or running work. */
  int activeKeys() {
    return lanes.size();
  }

  private void drain(String key, Lane<T> lane) {
    while (true) {
      T task;
      while ((task = lane.queue.poll()) != null) {
        try {
          worker.accept(task);
        } catch (RuntimeException | Error e) {
          // The worker settles every message itself; this is a last line of defence.
          org.slf4j.LoggerFactory.getLogger("gordon.router").error("lane {} task failed", key, e);
        }
      }
      // Retire the lane only if nothing arrived since the last poll; compute makes the check
      // and the removal atomic with respect to submit.
      boolean[] retired = {false};
      lanes.compute(key, (k, l) -> {
        if (l == lane && lane.queue.isEmpty()) {
          retired[0] = true;
          return null;
        }
        return l;
      });
      if (retired[0]) {
        return;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Lane<T>[] newLaneHolder() {
    return (Lane<T>[]) new Lane<?>[1];
  }

  private static final class Lane<T> {
    final Queue<T> queue = new ConcurrentLinkedQueue<>();
  }
}
