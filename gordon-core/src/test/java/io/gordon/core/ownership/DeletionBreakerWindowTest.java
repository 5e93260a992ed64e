package io.gordon.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.testing.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A deletion still in flight when the window slides past it (a provider retrying for longer than
 * the window): the breaker un-counted the newest deletion in its place when it failed, and kept it
 * as pending in the base, so its count drifted both ways.
 */
class DeletionBreakerWindowTest {
  private static final String ZONE = "example.com.";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AtomicInteger owned = new AtomicInteger();
  private final DeletionBreaker breaker =
      new DeletionBreaker(
          new OwnershipSettings(
              true, "gordon", List.of(), List.of(), 0.30, 1, Duration.ofMinutes(10)),
          clock,
          zone -> owned.get());

  private DeletionBreaker.Admission admit() {
    return breaker.admit(ZONE, () -> true);
  }

  /** Admits one deletion and settles it applied: the zone holds one owned RRset fewer. */
  private void deleted() {
    DeletionBreaker.Admission a = admit();
    assertThat(a.refusal()).isEmpty();
    breaker.settle(a.counted().orElseThrow(), true);
    owned.decrementAndGet();
  }

  private DeletionBreaker.Counted slowDeletionOutlivingTheWindow() {
    DeletionBreaker.Counted slow = admit().counted().orElseThrow();
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    return slow;
  }

  @Test
  void aSlowDeletionThatFailsAfterTheWindowSlidPastItUnCountsNoOtherDeletion() {
    owned.set(10);
    DeletionBreaker.Counted slow = slowDeletionOutlivingTheWindow();
    deleted();
    deleted();
    deleted();

    breaker.settle(slow, false);

    // 4 of the 10 owned within the window would be 40%, above 30%.
    assertThat(admit().refusal())
        .contains(
            "deletions in zone example.com. are stopped: 4 of its 10 owned RRsets (40%) would be"
                + " deleted within 10m, above core.ownership.delete_threshold 30%; parked (replay"
                + " it once the deletions are confirmed, or raise the threshold)");
  }

  @Test
  void aSlowDeletionStillInFlightAfterTheWindowSlidPastItDoesNotLowerTheBase() {
    owned.set(20);
    slowDeletionOutlivingTheWindow();
    for (int i = 0; i < 6; i++) {
      deleted();
    }
    owned.addAndGet(4); // claimed since: 18 owned now, and 6 deleted within the window
    breaker.claimed(ZONE);

    // 7 of a base of 24 is 29.2%, within 30%.
    assertThat(admit().refusal()).isEmpty();
  }
}
