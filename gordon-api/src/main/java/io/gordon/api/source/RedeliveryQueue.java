package io.gordon.api.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Messages the router handed back ({@link io.gordon.api.plugin.Outcome.Redeliver}) waiting to be
 * submitted again after a delay that doubles with every attempt: {@code first}, {@code 2 x first},
 * {@code 4 x first} ... up to {@code max}. The source's reading thread takes the {@linkplain
 * #takeDue() due} ones on each pass and submits them; their positions stay open in the {@link
 * OffsetTracker} meanwhile, so nothing after them is committed past them.
 *
 * <p>Items due at the same time come out in the order they were scheduled. Thread-safe: any thread
 * may {@link #schedule}; the time comes from the injected nano clock, so tests control it.
 *
 * @param <T> what the source needs to submit the message again
 */
public final class RedeliveryQueue<T> {
  private record Entry<T>(T item, long dueNanos, long seq) {}

  private final Duration first;
  private final Duration max;
  private final LongSupplier nanoTime;
  private final PriorityQueue<Entry<T>> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.dueNanos != b.dueNanos
                  ? Long.compare(a.dueNanos, b.dueNanos)
                  : Long.compare(a.seq, b.seq));
  private long seq;
  // Read without the lock by expedite(), called for every applied message: most calls find
  // nothing waiting, or an expedite done less than max ago, and must stay cheap.
  private volatile boolean waiting;
  private volatile long expeditedNanos;
  private volatile boolean expedited;

  /**
   * Creates a queue on {@link System#nanoTime()}.
   *
   * @param first the delay before the first redelivery; at least zero
   * @param max the longest delay; at least {@code first}
   */
  public RedeliveryQueue(Duration first, Duration max) {
    this(first, max, System::nanoTime);
  }

  /**
   * Creates a queue on the given nano clock.
   *
   * @param first the delay before the first redelivery; at least zero
   * @param max the longest delay; at least {@code first}
   * @param nanoTime a monotonic clock in nanoseconds, like {@link System#nanoTime()}
   * @throws IllegalArgumentException when a delay is negative or {@code max < first}
   */
  public RedeliveryQueue(Duration first, Duration max, LongSupplier nanoTime) {
    this.first = Objects.requireNonNull(first, "first == null");
    this.max = Objects.requireNonNull(max, "max == null");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
    if (first.isNegative()) {
      throw new IllegalArgumentException(
          "first redelivery delay " + first + " must not be negative");
    }
    if (max.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "longest redelivery delay " + max + " must be at least the first delay " + first);
    }
  }

  /**
   * The delay before redelivering a message whose attempt number {@code attempt} failed: {@code
   * first x 2^(attempt-1)}, at most {@code max}.
   *
   * @param attempt the attempt that failed, counting from 1
   * @throws IllegalArgumentException when {@code attempt < 1}
   */
  public Duration delay(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt " + attempt + " must be at least 1");
    }
    long nanos = first.toNanos();
    int shift = Math.min(attempt - 1, 40);
    long scaled = nanos > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : nanos << shift;
    return Duration.ofNanos(Math.min(scaled, max.toNanos()));
  }

  /**
   * Schedules {@code item} for redelivery after {@link #delay(int) delay(attempt)}.
   *
   * @param item what to submit again
   * @param attempt the attempt that just failed, counting from 1
   */
  public synchronized void schedule(T item, int attempt) {
    Objects.requireNonNull(item, "item == null");
    queue.add(new Entry<>(item, nanoTime.getAsLong() + delay(attempt).toNanos(), seq++));
    waiting = true;
  }

  /**
   * Makes every waiting item due now, at most once per {@code max}. A source calls it when one of
   * its messages was applied: what failed (a provider that was down) answers again, and the
   * messages handed back during the outage should not wait out the delays they grew meanwhile. The
   * limit keeps a source whose other messages still fail (another zone's provider still down) from
   * retrying them more often than their longest delay would. So after an outage a waiting item is
   * submitted again at the first applied message, and never later than {@code max}.
   *
   * @return how many items were made due (0 when none waits or the last expedite was less than
   *     {@code max} ago)
   */
  public int expedite() {
    if (!waiting || (expedited && nanoTime.getAsLong() - expeditedNanos < max.toNanos())) {
      return 0;
    }
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (queue.isEmpty() || (expedited && now - expeditedNanos < max.toNanos())) {
        return 0;
      }
      expedited = true;
      expeditedNanos = now;
      List<Entry<T>> all = new ArrayList<>(queue);
      queue.clear();
      int moved = 0;
      for (Entry<T> e : all) {
        boolean later = e.dueNanos - now > 0;
        moved += later ? 1 : 0;
        queue.add(later ? new Entry<>(e.item, now, e.seq) : e);
      }
      return moved;
    }
  }

  /** Removes and returns every item whose delay has passed, the earliest due first. */
  public synchronized List<T> takeDue() {
    long now = nanoTime.getAsLong();
    List<T> due = new ArrayList<>();
    while (!queue.isEmpty() && queue.peek().dueNanos - now <= 0) {
      due.add(queue.poll().item);
    }
    waiting = !queue.isEmpty();
    return due;
  }

  /** How long until the next item is due (zero when one is due now); empty when none waits. */
  public synchronized Optional<Duration> untilNext() {
    if (queue.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(Math.max(0, queue.peek().dueNanos - nanoTime.getAsLong())));
  }

  /**
   * Drops every waiting item that {@code filter} accepts (e.g. those of a revoked partition).
   *
   * @return how many were dropped
   */
  public synchronized int removeIf(Predicate<? super T> filter) {
    int before = queue.size();
    queue.removeIf(e -> filter.test(e.item));
    waiting = !queue.isEmpty();
    return before - queue.size();
  }

  /** How many items wait. */
  public synchronized int size() {
    return queue.size();
  }
}
