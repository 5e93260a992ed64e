package io.gordon.core.janitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.janitor.DesiredZone;
import io.gordon.api.model.RecordSet;
import io.gordon.core.janitor.PlannedChange.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeletionGuardTest {
  private final DeletionGuard guard = new DeletionGuard(OwnershipRules.defaults());

  /** A zone of {@code owned} owned records of which the authority keeps {@code kept}. */
  private static ZonePlan plan(int owned, int kept) {
    List<RecordSet> live = new ArrayList<>();
    List<RecordSet> desired = new ArrayList<>();
    for (int i = 0; i < owned; i++) {
      RecordSet r = PlannerTest.a("h" + i, "192.0.2." + (i + 1));
      live.addAll(PlannerTest.owned("gordon", r));
      if (i < kept) {
        desired.add(r);
      }
    }
    desired.add(PlannerTest.a("new", "198.51.100.1"));
    return new Planner("gordon", false)
        .plan(DesiredZone.complete(PlannerTest.ZONE, desired), PlannerTest.AT, live);
  }

  @Test
  void deletingUpToTheThresholdPasses() {
    ZonePlan p = guard.check(plan(10, 7), false);
    assertThat(p.guard()).isEmpty();
    assertThat(p.count(Kind.DELETION)).isEqualTo(3);
  }

  @Test
  void deletingMoreTripsTheGuardKeepingTheAdditions() {
    ZonePlan p = guard.check(plan(10, 6), false);
    assertThat(p.guard())
        .contains(
            "deletion guard tripped for zone example.com.: 4 of 10"
                + " owned record sets (40.0%) would be deleted, above delete_threshold 30.0%"
                + " (min_records 10); no deletions were made in this zone (gordon janitor --dry-run"
                + " --force lists them; --force overrides once)");
    assertThat(p.changes()).extracting(PlannedChange::kind).containsExactly(Kind.ADDITION);
  }

  @Test
  void forcePassesTheGuardOnce() {
    assertThat(guard.check(plan(10, 6), true).count(Kind.DELETION)).isEqualTo(4);
  }

  @Test
  void smallZonesAreNotGuarded() {
    ZonePlan p = guard.check(plan(9, 0), false);
    assertThat(p.guard()).isEmpty();
    assertThat(p.count(Kind.DELETION)).isEqualTo(9);
  }
}
