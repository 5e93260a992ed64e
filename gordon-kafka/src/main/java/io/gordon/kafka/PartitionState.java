package io.gordon.kafka;

import io.gordon.api.source.OffsetTracker;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/**
 * One assigned partition, for as long as this member owns it: which offsets are finished (an {@link
 * OffsetTracker} whose mark is {@code offset + 1}, the offset to commit), how many of its records
 * are in the router now, and what was committed last. A new assignment of the same partition gets a
 * new state, so settlements for the old one can never touch it.
 */
final class PartitionState {
  private final TopicPartition tp;
  private final OffsetTracker tracker;
  private final AtomicInteger inRouter = new AtomicInteger();
  private volatile boolean revoked;

  /** The offset last committed; poll thread only. */
  private long lastCommitted;

  /** A state whose first record is at {@code firstOffset}. */
  PartitionState(TopicPartition tp, long firstOffset) {
    this.tp = tp;
    this.tracker = new OffsetTracker(firstOffset - 1, firstOffset);
    this.lastCommitted = firstOffset;
  }

  TopicPartition topicPartition() {
    return tp;
  }

  OffsetTracker tracker() {
    return tracker;
  }

  /**
   * Claims a submission for a record of this partition: false (and nothing claimed) once the
   * partition is revoked. A claim made before the revocation is waited for by it.
   */
  boolean claim() {
    inRouter.incrementAndGet();
    if (revoked) {
      inRouter.decrementAndGet();
      return false;
    }
    return true;
  }

  /** A claimed record was settled (or its submission failed). */
  void release() {
    inRouter.decrementAndGet();
  }

  /** How many records of this partition are in the router. */
  int inRouter() {
    return inRouter.get();
  }

  /** Stops submissions from this partition; records in the router still settle. */
  void revoke() {
    revoked = true;
  }

  boolean revoked() {
    return revoked;
  }

  /** The offset to commit when it moved since the last commit, else -1. Poll thread only. */
  long commitDue() {
    long mark = tracker.committedMark();
    return mark > lastCommitted ? mark : -1;
  }

  /** Records that {@code offset} was committed. Poll thread only. */
  void committed(long offset) {
    lastCommitted = Math.max(lastCommitted, offset);
  }

  @Override
  public String toString() {
    return tp + " " + tracker;
  }
}
