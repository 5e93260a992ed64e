package io.gordon.core.router;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks strictly one at a time and in arrival order per key, different keys in parallel. A key
 * with work has a lane (its first task, and a lock-free queue for the rest); a lane with work is
 * queued once in a shared ready queue, from which a pool of virtual threads takes lanes and drains
 * them. A worker is started only when none is idle and fewer than {@link #RUNNERS} are running
 * rather than blocked in a synchronous call the caller marked ({@link #blockingBegins}), up to
 * {@code maxWorkers} in all: blocking handlers block one virtual thread, not a carrier, and keep
 * their parallelism, while work that never blocks (publishing suspends the lane instead) is drained
 * by a few workers. Idle ones park (no spinning); no thread is created per message. Enqueue and
 * lane retirement are atomic per key (ConcurrentHashMap.compute locks one bin, not the map), so
 * there is no global lock.
 *
 * @param <T> the task type
 */
final class KeyedLanes<T> {
  private static final int FAIRNESS = 64;

  /**
   * Workers wanted running, not counting the blocked ones: one per carrier. Starting one per
   * scheduled lane left ~2,000 workers after a burst, each parking and unparking per message (18%
   * of the bytes allocated per event on the local.http path: the parked stacks' chunks).
   */
  static final int RUNNERS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final ConcurrentHashMap<String, Lane<T>> lanes = new ConcurrentHashMap<>();
  private final LinkedTransferQueue<Lane<T>> ready = new LinkedTransferQueue<>();
  private final AtomicInteger workers = new AtomicInteger();
  private final AtomicInteger idle = new AtomicInteger();
  private final AtomicInteger blocked = new AtomicInteger();
  private final Predicate<T> worker;
  private final int maxWorkers;
  private final Thread.Builder threads = Thread.ofVirtual().name("gordon-worker-", 0);

  /**
   * Creates lanes; {@code worker} returns false when it suspended the lane (the task goes on
   * asynchronously and will call {@link #resume}).
   */
  KeyedLanes(Predicate<T> worker, int maxWorkers) {
    this.worker = worker;
    this.maxWorkers = Math.max(1, maxWorkers);
  }

  /** Queues {@code task} behind every earlier task of {@code key}. */
  void submit(String key, T task) {
    // merge with a method reference captures nothing: no lambda and no result holder per task
    Lane<T> fresh = new Lane<>(key);
    fresh.head = task; // not in the map yet, so no worker reads head before schedule below
    if (lanes.merge(key, fresh, KeyedLanes::enqueue) == fresh) {
      schedule(fresh);
    }
  }

  /** Adds the task of {@code fresh} behind those of {@code lane}, under the key's bin lock. */
  private static <T> Lane<T> enqueue(Lane<T> lane, Lane<T> fresh) {
    if (lane.queue == null) {
      lane.queue = new ConcurrentLinkedQueue<>();
    }
    lane.queue.add(fresh.head);
    return lane;
  }

  /**
   * Resumes a lane its worker suspended: runs {@code next} first, if not null, then the rest of the
   * lane's tasks; with nothing to do the lane retires at once, on the calling thread.
   */
  void resume(String key, T next) {
    Lane<T> lane = lanes.get(key);
    if (lane == null) {
      throw new IllegalStateException("no suspended lane for key " + key);
    }
    lane.head = next;
    if (next == null && lane.isEmpty() && retire(lane)) {
      return;
    }
    schedule(lane);
  }

  /** Number of keys with queued or running work. */
  int activeKeys() {
    return lanes.size();
  }

  /** Number of worker threads started (they never end but on interrupt); for tests. */
  int workers() {
    return workers.get();
  }

  /**
   * The calling worker is about to block in a synchronous call (a handler): another worker may
   * start for the lanes waiting meanwhile. Pair with {@link #blockingEnds} in a finally block.
   */
  void blockingBegins() {
    blocked.incrementAndGet();
    if (!ready.isEmpty()) {
      grow();
    }
  }

  void blockingEnds() {
    blocked.decrementAndGet();
  }

  private void schedule(Lane<T> lane) {
    ready.offer(lane);
    grow();
  }

  /** Starts a worker when none is idle and fewer than RUNNERS run unblocked. */
  private void grow() {
    if (idle.get() == 0) {
      int n = workers.get();
      if (n < maxWorkers && n - blocked.get() < RUNNERS && workers.compareAndSet(n, n + 1)) {
        threads.start(this::work);
      }
    }
  }

  private void work() {
    // Idle workers park untimed: a timed park costs a delayed task per wait in the
    // virtual-thread scheduler, which showed up as the top cost under load.
    while (true) {
      Lane<T> lane = ready.poll();
      if (lane == null) {
        idle.incrementAndGet();
        try {
          lane = ready.take();
        } catch (InterruptedException e) {
          workers.decrementAndGet();
          return;
        } finally {
          idle.decrementAndGet();
        }
      }
      drain(lane);
    }
  }

  private void drain(Lane<T> lane) {
    for (int done = 0; done < FAIRNESS; done++) {
      T task = lane.head;
      if (task != null) {
        lane.head = null;
      } else {
        Queue<T> queue = lane.queue;
        task = queue == null ? null : queue.poll();
      }
      if (task == null) {
        if (retire(lane)) {
          return;
        }
        continue;
      }
      try {
        if (!worker.test(task)) {
          return;
        }
      } catch (RuntimeException | Error e) {
        // The worker settles every message itself; this is a last line of defence.
        LoggerFactory.getLogger("gordon.router").error("lane {} task failed", lane.key, e);
      }
    }
    // Let other keys run; this lane keeps its place in the map and goes back in line.
    ready.offer(lane);
  }

  /** Removes the lane if nothing arrived since the last poll; atomic with submit. */
  private boolean retire(Lane<T> lane) {
    boolean[] retired = {false};
    lanes.compute(
        lane.key,
        (k, l) -> {
          if (l == lane && lane.isEmpty()) {
            retired[0] = true;
            return null;
          }
          return l;
        });
    return retired[0];
  }

  private static final class Lane<T> {
    final String key;

    /**
     * The tasks behind the one running, made when a second task arrives: most lanes only ever hold
     * one, and a queue with its nodes was 72 bytes per message. Set under the map's lock.
     */
    volatile Queue<T> queue;

    /**
     * The lane's first task, set when the lane is made, or a continuation to run before the queue,
     * set only while the lane is suspended.
     */
    volatile T head;

    Lane(String key) {
      this.key = key;
    }

    boolean isEmpty() {
      Queue<T> q = queue;
      return q == null || q.isEmpty();
    }
  }
}
