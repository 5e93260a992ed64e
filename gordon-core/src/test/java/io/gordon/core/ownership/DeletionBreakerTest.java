package io.gordon.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.OwnershipException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeletionBreakerTest {
  private static final String ZONE = "example.com.";
  private final InMemoryDnsProvider memory = new InMemoryDnsProvider("memory", ZONE);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<String> readiness = new ArrayList<>();
  private final DnsProvider provider =
      OwnershipProvider.wrap(
          memory,
          new OwnershipSettings(
              true, "gordon", List.of(), List.of(), 0.30, 10, Duration.ofMinutes(10)),
          clock,
          new OwnershipProvider.Breaker() {
            @Override
            public void tripped(String reason) {
              readiness.add(reason);
            }

            @Override
            public void cleared() {
              readiness.clear();
            }
          });

  private void own(int count) {
    own(0, count);
  }

  private void own(int from, int to) {
    List<Change> adds = new ArrayList<>();
    for (int i = from; i < to; i++) {
      adds.add(
          new Change.Replace(
              RecordSet.of("h" + i + ".example.com.", RecordType.A, 300, "192.0.2." + (i + 1))));
    }
    assertThat(provider.apply(adds)).allMatch(r -> r instanceof ChangeResult.Applied);
  }

  private List<ChangeResult> delete(int from, int to) {
    List<Change> dels = new ArrayList<>();
    for (int i = from; i < to; i++) {
      dels.add(new Change.Remove(RecordSet.of("h" + i + ".example.com.", RecordType.A, List.of())));
    }
    return provider.apply(dels);
  }

  private static long applied(List<ChangeResult> results) {
    return results.stream().filter(r -> r instanceof ChangeResult.Applied).count();
  }

  @Test
  void deletionsUpToTheThresholdPassAndTheNextIsParkedWithTheReason() {
    own(20);
    assertThat(applied(delete(0, 6))).isEqualTo(6);
    List<ChangeResult> seventh = delete(6, 7);
    ChangeResult.Failed f = (ChangeResult.Failed) seventh.get(0);
    assertThat(f.error())
        .isInstanceOf(OwnershipException.class)
        .hasMessage(
            "deletions in zone example.com. are stopped: 7 of its 20 owned RRsets (35%) would be"
                + " deleted within 10m, above core.ownership.delete_threshold 30%; parked (replay it"
                + " once the deletions are confirmed, or raise the threshold)");
    assertThat(memory.read("h6.example.com.", RecordType.A)).isPresent();
    assertThat(readiness).containsExactly(f.error().getMessage());
  }

  @Test
  void oneBatchIsCutAtTheThreshold() {
    own(10);
    List<ChangeResult> results = delete(0, 10);
    assertThat(applied(results)).isEqualTo(3);
    assertThat(results.subList(3, 10)).allMatch(r -> r instanceof ChangeResult.Failed);
    assertThat(memory.read("h3.example.com.", RecordType.A)).isPresent();
  }

  @Test
  void theWindowSlidesAndReadinessClears() {
    own(10);
    assertThat(applied(delete(0, 4))).isEqualTo(3);
    assertThat(readiness).hasSize(1);
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    assertThat(applied(delete(3, 5))).isEqualTo(2);
    assertThat(readiness).isEmpty();
  }

  @Test
  void claimsMadeWithinTheWindowRaiseTheBase() {
    own(10);
    assertThat(applied(delete(0, 3))).isEqualTo(3);
    clock.advance(Duration.ofMinutes(1));
    own(10, 20);
    // 20 owned over the window (10 at its start, 10 claimed since): 6 deletions are 30%.
    assertThat(applied(delete(3, 6))).isEqualTo(3);
    ChangeResult.Failed f = (ChangeResult.Failed) delete(6, 7).get(0);
    assertThat(f.error())
        .hasMessageStartingWith(
            "deletions in zone example.com. are stopped: 7 of its 20 owned RRsets (35%)");
  }

  @Test
  void deletionsAlreadyMadeStayInTheBaseWhenTheZoneIsCountedAgain() {
    own(20);
    assertThat(applied(delete(0, 5))).isEqualTo(5);
    // Replacing a record already owned adds nothing: 15 left + 5 deleted is still a base of 20.
    assertThat(
            provider.apply(
                List.of(
                    new Change.Replace(
                        RecordSet.of("h10.example.com.", RecordType.A, 300, "198.51.100.1")))))
        .allMatch(r -> r instanceof ChangeResult.Applied);
    assertThat(applied(delete(5, 6))).isEqualTo(1);
    ChangeResult.Failed f = (ChangeResult.Failed) delete(6, 7).get(0);
    assertThat(f.error())
        .hasMessageStartingWith(
            "deletions in zone example.com. are stopped: 7 of its 20 owned RRsets (35%)");
  }

  @Test
  void aBatchThatGrowsTheZoneIsCountedOnceTheBatchIsApplied() {
    own(10);
    List<Change> mixed = new ArrayList<>();
    for (int i = 10; i < 30; i++) {
      mixed.add(
          new Change.Replace(
              RecordSet.of("h" + i + ".example.com.", RecordType.A, 300, "192.0.2.1")));
    }
    for (int i = 0; i < 5; i++) {
      mixed.add(
          new Change.Remove(RecordSet.of("h" + i + ".example.com.", RecordType.A, List.of())));
    }
    // Within one batch the deletions are decided before its additions land: 3 of 10.
    assertThat(applied(provider.apply(mixed))).isEqualTo(23);
    // After it, 30 owned over the window: 9 deletions (3 made, 6 more) are 30%.
    assertThat(applied(delete(3, 9))).isEqualTo(6);
    ChangeResult.Failed f = (ChangeResult.Failed) delete(9, 10).get(0);
    assertThat(f.error())
        .hasMessageStartingWith(
            "deletions in zone example.com. are stopped: 10 of its 30 owned RRsets (33.3%)");
  }

  @Test
  void zonesBelowMinRecordsAreNotGuarded() {
    own(9);
    assertThat(applied(delete(0, 9))).isEqualTo(9);
  }

  @Test
  void removalsThatDeleteNothingAreNotCounted() {
    own(10);
    assertThat(delete(20, 30)).allMatch(r -> r instanceof ChangeResult.Unchanged);
    assertThat(applied(delete(0, 3))).isEqualTo(3);
  }

  @Test
  void percentagesAreShownWholeOrWithOneDecimal() {
    assertThat(DeletionBreaker.percent(0.3)).isEqualTo("30%");
    assertThat(DeletionBreaker.percent(1.0 / 3)).isEqualTo("33.3%");
  }
}
