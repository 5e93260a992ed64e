package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SettledIdsTest {
  private static final long WINDOW = 100;

  @Test
  void aBoundBelowOneOrAboveTheTablesLimitIsRefused() {
    assertThatThrownBy(() -> new SettledIds(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxIds is 0, must be between 1 and 8192");
    assertThatThrownBy(() -> new SettledIds(8193))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxIds is 8193, must be between 1 and 8192");
  }

  @Test
  void hashesThatShareTheirSlotAreFoundAndForgottenOneByOne() {
    SettledIds s = new SettledIds(10);
    for (long l = 0; l < 5; l++) {
      s.add(7, l, l, WINDOW);
    }
    s.expire(WINDOW + 2, WINDOW);
    assertThat(
            List.of(
                s.contains(7, 0, WINDOW + 2, WINDOW),
                s.contains(7, 2, WINDOW + 2, WINDOW),
                s.contains(7, 3, WINDOW + 2, WINDOW),
                s.contains(7, 4, WINDOW + 2, WINDOW)))
        .containsExactly(false, false, true, true);
  }

  /**
   * Random hashes crowded into few table slots (so probe runs are long and deletions move entries
   * back) against a map of the same pairs, through growth and shrinking.
   */
  @Test
  void crowdedHashesAnswerLikeAMap() {
    qt().withExamples(20).forAll(longs().all()).checkAssert(SettledIdsTest::run);
  }

  private static void run(long seed) {
    Random r = new Random(seed);
    int maxIds = 1 + r.nextInt(5_000);
    SettledIds s = new SettledIds(maxIds);
    LinkedHashMap<List<Long>, Long> model = new LinkedHashMap<>();
    long now = 0;
    for (int i = 0; i < 20_000; i++) {
      // Few homes (the top bits), few tags (the bits just above the ring position's 14), and
      // bits no slot holds: so probe runs are long and a slot often matches a wrong hash.
      long h = r.nextInt(64) | ((long) r.nextInt(4) << 46) | ((long) r.nextInt(8) << 61);
      long l = r.nextInt(200);
      long t = now;
      if (r.nextInt(4) == 0) {
        boolean held = model.containsKey(List.of(h, l)) && t - model.get(List.of(h, l)) < WINDOW;
        assertThat(s.contains(h, l, now, WINDOW)).as("seed %d step %d", seed, i).isEqualTo(held);
      } else if (r.nextInt(50) == 0) {
        now += r.nextInt((int) WINDOW);
      } else if (!model.containsKey(List.of(h, l)) || t - model.get(List.of(h, l)) >= WINDOW) {
        model.values().removeIf(at -> t - at >= WINDOW);
        int early = 0;
        while (model.size() >= maxIds) {
          model.remove(model.keySet().iterator().next());
          early++;
        }
        model.remove(List.of(h, l));
        model.put(List.of(h, l), now);
        assertThat(s.add(h, l, now, WINDOW)).as("seed %d step %d", seed, i).isEqualTo(early);
        assertThat(s.size()).isEqualTo(model.size());
      }
    }
  }
}
