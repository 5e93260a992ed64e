package io.gordon.local.zonefile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves on by a fixed step each time it is read (besides the real time passing), so
 * that every zone-file rewrite "takes" at least a known time and the rewrite policy's decisions do
 * not depend on the machine's speed, while timers still come due.
 */
final class StepClock extends Clock {
  private final Duration step;
  private final Instant start = Instant.parse("2026-11-30T12:00:00Z");
  private final long started = System.nanoTime();
  private long reads;

  StepClock(Duration step) {
    this.step = step;
  }

  @Override
  public synchronized Instant instant() {
    reads++;
    return start.plusNanos(System.nanoTime() - started).plus(step.multipliedBy(reads));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
