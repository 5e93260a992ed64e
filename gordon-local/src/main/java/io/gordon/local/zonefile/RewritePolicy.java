package io.gordon.local.zonefile;

import java.time.Duration;
import java.time.Instant;

/**
 * When a zone file is rewritten: at most a share of the time goes to rewrites while changes keep
 * coming. After a rewrite that took {@code T}, the next is due {@code T * (100 - share) / share}
 * after it ended (9T at 10%), so a batch that comes later than that is in the file before its call
 * returns (a quiet zone, or a small one), and under sustained load into a large zone the rewrites
 * coalesce many batches and the file lags by about that much. Time comes from the caller's clock.
 * Not thread-safe; used under the zone's lock.
 */
final class RewritePolicy {
  private final int sharePercent;
  private Instant lastEnd = Instant.MIN;
  private Duration lastTook = Duration.ZERO;

  RewritePolicy(int sharePercent) {
    if (sharePercent < 1 || sharePercent > 100) {
      throw new IllegalArgumentException("rewrite share " + sharePercent + "% (expected 1 to 100)");
    }
    this.sharePercent = sharePercent;
  }

  /** The earliest time of the next rewrite. */
  Instant dueAt() {
    if (lastEnd.equals(Instant.MIN)) {
      return Instant.MIN;
    }
    return lastEnd.plus(lastTook.multipliedBy(100 - sharePercent).dividedBy(sharePercent));
  }

  /** Whether a rewrite at {@code now} keeps within the share. */
  boolean due(Instant now) {
    return !now.isBefore(dueAt());
  }

  /** A rewrite ran from {@code start} to {@code end}. */
  void rewrote(Instant start, Instant end) {
    lastEnd = end;
    lastTook = end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
  }
}
