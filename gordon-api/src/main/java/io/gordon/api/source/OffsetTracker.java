package io.gordon.api.source;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settlement state of one ordered stream of positions: a Kafka partition's offsets, a spool
 * file's line numbers. The reading thread {@linkplain #open opens} each position as it hands the
 * message on; any thread {@linkplain #settle settles} it once the message is finished (applied,
 * skipped or dead-lettered). The <em>committed</em> position advances only over a contiguous run of
 * settled positions, so committing it never skips a message that is still in flight, however the
 * settlements are ordered.
 *
 * <p>Each position carries a <em>mark</em>: the value to persist when the prefix ends there (the
 * byte offset after a spool line; for Kafka, {@code offset + 1}, the next offset to read).
 *
 * <p>Once {@linkplain #retire() retired} (the partition was revoked, the file finished), late
 * settlements are ignored. Thread-safe; every method is short and holds the tracker's lock only.
 *
 * <pre>{@code
 * OffsetTracker t = new OffsetTracker(-1, 0);   // nothing done yet
 * t.open(0, 1); t.open(1, 2); t.open(2, 3);
 * t.settle(2);                                  // committed() still -1: 0 and 1 are in flight
 * t.settle(0);                                  // committed() 0, committedMark() 1
 * t.settle(1);                                  // committed() 2, committedMark() 3
 * }</pre>
 */
public final class OffsetTracker {
  /** Opened positions not yet covered by the prefix, with their marks, in order. */
  private final TreeMap<Long, Long> open = new TreeMap<>();

  /** Opened positions settled but not yet covered by the prefix. */
  private final Set<Long> settled = new HashSet<>();

  private long committed;
  private long committedMark;
  private long lastOpened;
  private boolean retired;

  /**
   * Creates a tracker whose prefix already covers every position up to {@code committed}.
   *
   * @param committed the last finished position (e.g. {@code -1} when offsets start at 0, or the
   *     committed Kafka offset minus one)
   * @param mark the mark of {@code committed}, returned by {@link #committedMark()} until the
   *     prefix advances
   */
  public OffsetTracker(long committed, long mark) {
    this.committed = committed;
    this.committedMark = mark;
    this.lastOpened = committed;
  }

  /**
   * Records that {@code position} was handed on and is now in flight.
   *
   * @param position a position greater than every position opened before and than {@link
   *     #committed()}
   * @param mark what to persist once the prefix ends at {@code position}
   * @throws IllegalArgumentException when {@code position} is not greater than the last one
   * @throws IllegalStateException when the tracker is retired
   */
  public synchronized void open(long position, long mark) {
    if (retired) {
      throw new IllegalStateException(
          "cannot open position " + position + ": the tracker is retired");
    }
    if (position <= lastOpened) {
      throw new IllegalArgumentException(
          "position "
              + position
              + " must be greater than "
              + lastOpened
              + ", the last position opened or committed");
    }
    lastOpened = position;
    open.put(position, mark);
  }

  /**
   * Marks {@code position} finished and advances the committed prefix over every settled position
   * that now follows it without a gap.
   *
   * @return true when {@code position} was in flight; false when it is unknown, was settled
   *     already, or the tracker is retired (a late settlement, which changes nothing)
   */
  public synchronized boolean settle(long position) {
    if (retired || !open.containsKey(position) || !settled.add(position)) {
      return false;
    }
    while (!open.isEmpty() && settled.remove(open.firstKey())) {
      Map.Entry<Long, Long> first = open.pollFirstEntry();
      committed = first.getKey();
      committedMark = first.getValue();
    }
    return true;
  }

  /** The last position of the contiguous settled prefix: every position up to it is done. */
  public synchronized long committed() {
    return committed;
  }

  /** The mark of {@link #committed()}: what to persist or commit now. */
  public synchronized long committedMark() {
    return committedMark;
  }

  /** Whether every opened position is settled (nothing is in flight). */
  public synchronized boolean idle() {
    return open.isEmpty();
  }

  /** How many opened positions the prefix does not cover yet (in flight or settled past a gap). */
  public synchronized int uncommitted() {
    return open.size();
  }

  /** The settled positions past the prefix, in order: they follow at least one gap. */
  public synchronized SortedSet<Long> settledPastPrefix() {
    return new TreeSet<>(settled);
  }

  /**
   * Stops the tracker: later {@link #settle} calls are ignored and {@link #open} fails. The
   * committed position stays readable, for a last commit.
   */
  public synchronized void retire() {
    retired = true;
  }

  /** Whether {@link #retire()} was called. */
  public synchronized boolean retired() {
    return retired;
  }

  @Override
  public synchronized String toString() {
    return "OffsetTracker[committed="
        + committed
        + ", mark="
        + committedMark
        + ", uncommitted="
        + open.size()
        + (retired ? ", retired" : "")
        + "]";
  }
}
