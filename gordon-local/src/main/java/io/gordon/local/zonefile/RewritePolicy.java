package io.gordon.local.zonefile;

import java.time.Duration;
import java.time.Instant;

/**
 * When a zone file is rewritten: at most a share of the time goes to rewrites while changes keep
 * coming. Rewriting time is earned at {@code share} of the wall time, up to {@code share} of one
 * second (100 ms at 10%), and a rewrite is due once the time earned covers the last rewrite's
 * duration {@code T} (or the cap, when {@code T} is longer). So after a quiet time a burst of
 * batches each reaches the file before its call returns (a small zone's rewrites take
 * milliseconds), and under sustained load a rewrite comes about {@code T * (100 - share) / share}
 * after the last (9T at 10%), the batches in between going to the journal. Time comes from the
 * caller's clock. Not thread-safe; used under the zone's lock.
 */
final class RewritePolicy {
  private final int sharePercent;
  private final Duration cap;

  /** Rewriting time earned and not spent at {@link #at} (negative after a long rewrite). */
  private Duration credit;

  private Instant at = Instant.MIN;
  private Duration lastTook = Duration.ZERO;

  RewritePolicy(int sharePercent) {
    if (sharePercent < 1 || sharePercent > 100) {
      throw new IllegalArgumentException("rewrite share " + sharePercent + "% (expected 1 to 100)");
    }
    this.sharePercent = sharePercent;
    this.cap = Duration.ofSeconds(1).multipliedBy(sharePercent).dividedBy(100);
    this.credit = cap;
  }

  /** The earliest time of the next rewrite. */
  Instant dueAt() {
    if (at.equals(Instant.MIN) || credit.compareTo(need()) >= 0) {
      return at;
    }
    return at.plus(need().minus(credit).multipliedBy(100).dividedBy(sharePercent));
  }

  /** The credit a rewrite waits for: the last one's duration, at most what can be saved up. */
  private Duration need() {
    return lastTook.compareTo(cap) > 0 ? cap : lastTook;
  }

  /** Whether a rewrite at {@code now} keeps within the share. */
  boolean due(Instant now) {
    return sharePercent == 100 || creditAt(now).compareTo(need()) >= 0;
  }

  /** A rewrite ran from {@code start} to {@code end}. */
  void rewrote(Instant start, Instant end) {
    lastTook = end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    credit = creditAt(end).minus(lastTook);
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
