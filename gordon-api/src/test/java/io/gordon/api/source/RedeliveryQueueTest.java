package io.gordon.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RedeliveryQueueTest {
  final AtomicLong now = new AtomicLong(1_000);
  final RedeliveryQueue<String> queue =
      new RedeliveryQueue<>(Duration.ofMillis(100), Duration.ofSeconds(1), now::get);

  void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void theDelayDoublesWithEachAttemptUpToTheMaximum() {
    assertThat(queue.delay(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(queue.delay(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(queue.delay(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(queue.delay(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(queue.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void anItemComesOutOnlyOnceItsDelayPassed() {
    queue.schedule("a", 2);
    assertThat(queue.untilNext()).contains(Duration.ofMillis(200));
    advance(Duration.ofMillis(199));
    assertThat(queue.takeDue()).isEmpty();
    advance(Duration.ofMillis(1));
    assertThat(queue.takeDue()).containsExactly("a");
    assertThat(queue.size()).isZero();
    assertThat(queue.untilNext()).isEmpty();
  }

  @Test
  void dueItemsComeOutEarliestFirstAndTiesInScheduleOrder() {
    queue.schedule("late", 3);
    queue.schedule("x", 1);
    queue.schedule("y", 1);
    advance(Duration.ofSeconds(1));
    assertThat(queue.takeDue()).containsExactly("x", "y", "late");
  }

  @Test
  void expediteMakesEveryWaitingItemDueNowInScheduleOrder() {
    queue.schedule("a", 4);
    queue.schedule("b", 2);
    queue.schedule("c", 3);
    advance(Duration.ofMillis(1));
    assertThat(queue.takeDue()).isEmpty();
    assertThat(queue.expedite()).isEqualTo(3);
    assertThat(queue.untilNext()).contains(Duration.ZERO);
    assertThat(queue.takeDue()).containsExactly("a", "b", "c");
  }

  @Test
  void expediteActsAtMostOncePerLongestDelay() {
    queue.schedule("a", 5);
    assertThat(queue.expedite()).isEqualTo(1);
    assertThat(queue.takeDue()).containsExactly("a");
    queue.schedule("a", 6);
    advance(Duration.ofMillis(999));
    assertThat(queue.expedite()).as("another zone still down: no storm").isZero();
    assertThat(queue.takeDue()).isEmpty();
    advance(Duration.ofMillis(1));
    assertThat(queue.takeDue()).as("due at its delay, capped at max").containsExactly("a");
    queue.schedule("b", 1);
    assertThat(queue.expedite()).isEqualTo(1);
    assertThat(queue.takeDue()).containsExactly("b");
  }

  @Test
  void expediteWithNothingWaitingDoesNotUseUpItsTurn() {
    assertThat(queue.expedite()).isZero();
    queue.schedule("a", 3);
    assertThat(queue.expedite()).isEqualTo(1);
  }

  @Test
  void removeIfDropsTheItemsOfARevokedPartition() {
    queue.schedule("p0:1", 1);
    queue.schedule("p1:1", 1);
    queue.schedule("p0:2", 1);
    assertThat(queue.removeIf(s -> s.startsWith("p0:"))).isEqualTo(2);
    advance(Duration.ofSeconds(1));
    assertThat(queue.takeDue()).containsExactly("p1:1");
  }

  @Test
  void badArgumentsAreRejectedWithTheRule() {
    assertThatThrownBy(() -> queue.delay(0)).hasMessage("attempt 0 must be at least 1");
    assertThatThrownBy(() -> new RedeliveryQueue<>(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("longest redelivery delay PT1S must be at least the first delay PT2S");
    assertThatThrownBy(() -> new RedeliveryQueue<>(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .hasMessage("first redelivery delay PT-1S must not be negative");
  }
}
