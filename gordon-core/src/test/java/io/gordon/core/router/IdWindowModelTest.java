package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gordon.testing.fakes.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link IdWindow} against a model that keeps every id as a string: random admissions, settlements
 * (remembered or not) and clock steps give the same answers.
 */
class IdWindowModelTest {
  private static final long WINDOW = 1_000;

  @Test
  void aSmallWindowAnswersLikeTheModel() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> run(seed, 12, 5, 1, 400, 150));
  }

  @Test
  void aShardedWindowBelowItsBoundAnswersLikeTheModel() {
    qt().withExamples(100)
        .forAll(longs().all())
        .checkAssert(seed -> run(seed, 40, 16 * 40, 16, 1_000, 150));
  }

  @Test
  void aWindowThatGrowsAndShrinksAnswersLikeTheModel() {
    qt().withExamples(4)
        .forAll(longs().all())
        .checkAssert(seed -> run(seed, 6_000, 3_000, 1, 40_000, 2));
  }

  /** {@code ops} random steps over {@code pool} ids; the clock moves up to maxStep ms a step. */
  private static void run(long seed, int pool, int maxIds, int shards, int ops, int maxStep) {
    Random r = new Random(seed);
    MutableClock clock = new MutableClock(Events.T0);
    IdWindow window = new IdWindow(clock, Duration.ofMillis(WINDOW), maxIds, shards);
    Model model = new Model(maxIds);
    List<Flight> flying = new ArrayList<>();
    for (int i = 0; i < ops; i++) {
      int op = r.nextInt(10);
      if (op < 5) {
        Flight f = IdWindowTest.flight("id-" + r.nextInt(pool));
        boolean admitted = model.admit(f.id, clock.millis());
        assertThat(window.admit(f))
            .as("seed %d step %d admit %s", seed, i, f.id)
            .isEqualTo(admitted);
        if (admitted) {
          flying.add(f);
        }
      } else if (op < 9 && !flying.isEmpty()) {
        Flight f = flying.remove(r.nextInt(flying.size()));
        boolean remember = r.nextInt(8) != 0;
        int early = model.finished(f.id, remember, clock.millis());
        assertThat(window.finished(f, remember))
            .as("seed %d step %d forgotten early", seed, i)
            .isEqualTo(early);
      } else {
        clock.advance(Duration.ofMillis(r.nextInt(maxStep + 1)));
      }
      assertThat(window.inFlight()).hasSameSizeAs(flying);
    }
  }

  /** The plain semantics: strings in maps, expired ids dropped wherever they are. */
  private static final class Model {
    private final Map<String, Boolean> inFlight = new HashMap<>();
    private final LinkedHashMap<String, Long> settled = new LinkedHashMap<>();
    private final int maxIds;

    Model(int maxIds) {
      this.maxIds = maxIds;
    }

    boolean admit(String id, long now) {
      if (inFlight.containsKey(id)) {
        return false;
      }
      Long at = settled.get(id);
      if (at != null && now - at < WINDOW) {
        return false;
      }
      inFlight.put(id, true);
      return true;
    }

    int finished(String id, boolean remember, long now) {
      inFlight.remove(id);
      if (!remember) {
        return 0;
      }
      settled.values().removeIf(at -> now - at >= WINDOW);
      int early = 0;
      while (settled.size() >= maxIds) {
        settled.remove(settled.keySet().iterator().next());
        early++;
      }
      settled.remove(id);
      settled.put(id, now);
      return early;
    }
  }
}
