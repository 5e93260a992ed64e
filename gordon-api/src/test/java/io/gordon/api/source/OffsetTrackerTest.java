package io.gordon.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
  @Test
  void thePrefixWaitsForTheFirstGapThenJumpsOverEverySettledPosition() {
    OffsetTracker t = new OffsetTracker(-1, 0);
    for (long p = 0; p < 4; p++) {
      t.open(p, p + 1);
    }
    assertThat(t.settle(2)).isTrue();
    assertThat(t.settle(3)).isTrue();
    assertThat(t.committed()).isEqualTo(-1);
    assertThat(t.committedMark()).isZero();
    assertThat(t.settledPastPrefix()).containsExactly(2L, 3L);
    assertThat(t.settle(0)).isTrue();
    assertThat(t.committed()).isZero();
    assertThat(t.settle(1)).isTrue();
    assertThat(t.committed()).isEqualTo(3);
    assertThat(t.committedMark()).isEqualTo(4);
    assertThat(t.idle()).isTrue();
    assertThat(t.settledPastPrefix()).isEmpty();
  }

  @Test
  void theMarkIsTheOneOpenedWithTheLastPositionOfThePrefix() {
    OffsetTracker t = new OffsetTracker(0, 0);
    t.open(1, 120);
    t.open(2, 245);
    t.settle(1);
    assertThat(t.committedMark()).isEqualTo(120);
    t.settle(2);
    assertThat(t.committedMark()).isEqualTo(245);
  }

  @Test
  void positionsMayHaveGapsBetweenThem() {
    OffsetTracker t = new OffsetTracker(9, 10);
    t.open(12, 13);
    t.open(20, 21);
    t.settle(20);
    assertThat(t.committed()).isEqualTo(9);
    t.settle(12);
    assertThat(t.committed()).isEqualTo(20);
  }

  @Test
  void unknownRepeatedAndLateSettlementsChangeNothing() {
    OffsetTracker t = new OffsetTracker(-1, 0);
    t.open(0, 1);
    t.open(1, 2);
    assertThat(t.settle(7)).isFalse();
    assertThat(t.settle(1)).isTrue();
    assertThat(t.settle(1)).isFalse();
    t.retire();
    assertThat(t.settle(0)).as("settled after a revocation").isFalse();
    assertThat(t.committed()).isEqualTo(-1);
    assertThat(t.retired()).isTrue();
    assertThat(t.uncommitted()).isEqualTo(2);
  }

  @Test
  void positionsMustIncrease() {
    OffsetTracker t = new OffsetTracker(4, 5);
    assertThatThrownBy(() -> t.open(4, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("position 4 must be greater than 4, the last position opened or committed");
    t.open(6, 7);
    assertThatThrownBy(() -> t.open(5, 6))
        .hasMessage("position 5 must be greater than 6, the last position opened or committed");
  }

  @Test
  void aRetiredTrackerOpensNothing() {
    OffsetTracker t = new OffsetTracker(-1, 0);
    t.retire();
    assertThatThrownBy(() -> t.open(0, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot open position 0: the tracker is retired");
  }

  /** Whatever the settlement order, the prefix is exactly the run of settled positions. */
  @Test
  void randomOutOfOrderSettlementNeverCommitsPastAnUnsettledPosition() {
    qt().withExamples(300)
        .forAll(integers().between(1, 300), longs().all())
        .checkAssert(
            (count, seed) -> {
              Random random = new Random(seed);
              OffsetTracker t = new OffsetTracker(-1, 0);
              List<Long> order = new ArrayList<>();
              long p = -1;
              for (int i = 0; i < count; i++) {
                p += 1 + random.nextInt(3);
                t.open(p, p + 1);
                order.add(p);
              }
              List<Long> opened = List.copyOf(order);
              Collections.shuffle(order, random);
              boolean[] done = new boolean[opened.size()];
              for (long s : order) {
                assertThat(t.settle(s)).isTrue();
                done[opened.indexOf(s)] = true;
                int run = 0;
                while (run < done.length && done[run]) {
                  run++;
                }
                long expected = run == 0 ? -1 : opened.get(run - 1);
                assertThat(t.committed()).isEqualTo(expected);
                assertThat(t.committedMark()).isEqualTo(expected + 1);
                assertThat(t.uncommitted()).isEqualTo(opened.size() - run);
              }
              assertThat(t.idle()).isTrue();
            });
  }

  @Test
  void concurrentSettlersEndWithEverythingCommitted() throws Exception {
    OffsetTracker t = new OffsetTracker(-1, 0);
    int n = 20_000;
    for (long p = 0; p < n; p++) {
      t.open(p, p + 1);
    }
    List<Long> order = new ArrayList<>();
    for (long p = 0; p < n; p++) {
      order.add(p);
    }
    Collections.shuffle(order, new Random(42));
    int threads = 4;
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int from = w;
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      go.await();
                    } catch (InterruptedException e) {
                      return;
                    }
                    for (int i = from; i < n; i += threads) {
                      long before = t.committed();
                      t.settle(order.get(i));
                      assertThat(t.committed()).isGreaterThanOrEqualTo(before);
                    }
                  }));
    }
    go.countDown();
    for (Thread w : workers) {
      w.join();
    }
    assertThat(t.committed()).isEqualTo(n - 1);
    assertThat(t.idle()).isTrue();
  }
}
