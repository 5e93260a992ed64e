package io.gordon.local.zonefile;

import java.time.Duration;
import java.time.Instant;

/**
 * When a zone file is rewritten: at most a share of the time goes to rewrites while changes keep
 * coming, and the file catches up soon after they stop. Rewriting time is earned at {@code share}
 * of the wall time, up to {@code share} of one second (100 ms at 10%), and a rewrite is due once
 * the time earned covers the last rewrite's duration {@code T} (or the cap, when {@code T} is
 * longer). So after a quiet time a burst of batches each reaches the file before its call returns
 * (a small zone's rewrites take milliseconds), and under sustained load a rewrite comes about
 * {@code T * (100 - share) / share} after the last (9T at 10%), the batches in between going to the
 * journal. The debt a rewrite leaves is bounded by the cap, so that one slow rewrite (a collection
 * or a preemption inside it, all counted in its wall time) cannot push the next one more than twice
 * the cap's earning time away (2 s at 10%); beyond a rewrite of twice the cap the share is then
 * {@code T / (T + 2 s)}. The share is there to keep rewrites from slowing a stream of batches: once
 * no batch has gone to the journal for {@link #quiet} (20 ms, or {@code T} when longer), the stream
 * has stopped and a rewrite is due whatever the credit, so the file does not lag the last batch by
 * ten rewrites' time. Time comes from the caller's clock. Not thread-safe; used under the zone's
 * lock.
 */
final class RewritePolicy {
  /** No batch for this long (or the last rewrite's duration, when longer) is a stopped stream. */
  static final Duration QUIET = Duration.ofMillis(20);

  private final int sharePercent;
  private final Duration cap;

  /**
   * Rewriting time earned and not spent at {@link #at} (down to minus the cap after a long one).
   */
  private Duration credit;

  private Instant at = Instant.MIN;
  private Duration lastTook = Duration.ZERO;

  /** When the last batch went to the journal instead of the file. */
  private Instant journaled = Instant.MIN;

  RewritePolicy(int sharePercent) {
    if (sharePercent < 1 || sharePercent > 100) {
      throw new IllegalArgumentException("rewrite share " + sharePercent + "% (expected 1 to 100)");
    }
    this.sharePercent = sharePercent;
    this.cap = Duration.ofSeconds(1).multipliedBy(sharePercent).dividedBy(100);
    this.credit = cap;
  }

  /**
   * The earliest time of the next rewrite: when the credit covers it, or when the stream counts as
   * stopped if no other batch goes to the journal meanwhile.
   */
  Instant dueAt() {
    Instant earned = earnedAt();
    if (journaled.equals(Instant.MIN)) {
      return earned;
    }
    Instant idle = journaled.plus(quiet());
    return idle.isBefore(earned) ? idle : earned;
  }

  private Instant earnedAt() {
    if (at.equals(Instant.MIN) || credit.compareTo(need()) >= 0) {
      return at;
    }
    return at.plus(need().minus(credit).multipliedBy(100).dividedBy(sharePercent));
  }

  /** The credit a rewrite waits for: the last one's duration, at most what can be saved up. */
  private Duration need() {
    return lastTook.compareTo(cap) > 0 ? cap : lastTook;
  }

  /** How long without a batch to the journal counts as a stopped stream. */
  Duration quiet() {
    return lastTook.compareTo(QUIET) > 0 ? lastTook : QUIET;
  }

  /** Whether a rewrite at {@code now} keeps within the share. */
  boolean due(Instant now) {
    return sharePercent == 100 || creditAt(now).compareTo(need()) >= 0;
  }

  /**
   * Whether the file should be written at {@code now} by the timer: within the share, or because
   * batches stopped going to the journal {@link #quiet} ago (nothing waits for the zone then).
   */
  boolean dueOnTimer(Instant now) {
    return due(now) || (!journaled.equals(Instant.MIN) && !now.isBefore(journaled.plus(quiet())));
  }

  /** A batch went to the journal at {@code now}: the file lags until the next rewrite. */
  void journaled(Instant now) {
    journaled = now;
  }

  /** A rewrite ran from {@code start} to {@code end}. */
  void rewrote(Instant start, Instant end) {
    lastTook = end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    Duration left = creditAt(end).minus(lastTook);
    credit = left.compareTo(cap.negated()) < 0 ? cap.negated() : left;
    at = end;
  }

  private Duration creditAt(Instant now) {
    if (at.equals(Instant.MIN) || !now.isAfter(at)) {
      return credit;
    }
    Duration earned = Duration.between(at, now).multipliedBy(sharePercent).dividedBy(100);
    Duration total = credit.plus(earned);
    return total.compareTo(cap) > 0 ? cap : total;
  }
}
