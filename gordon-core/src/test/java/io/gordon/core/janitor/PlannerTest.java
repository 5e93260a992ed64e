package io.gordon.core.janitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.janitor.DesiredZone;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.core.janitor.PlannedChange.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {
  static final String ZONE = "example.com.";
  static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");
  final Planner planner = new Planner("gordon", false);

  static RecordSet a(String name, String... ips) {
    return RecordSet.of(name + "." + ZONE, RecordType.A, 300, ips);
  }

  /** The RRsets and their markers, as a provider lists them. */
  static List<RecordSet> owned(String owner, RecordSet... sets) {
    List<RecordSet> out = new ArrayList<>();
    for (RecordSet s : sets) {
      out.add(s);
      out.add(new OwnerMarker(owner, s.name(), s.type()).recordSet(ZONE, 300));
    }
    return out;
  }

  static List<RecordSet> concat(List<RecordSet> a, List<RecordSet> b) {
    List<RecordSet> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void aMissingRecordIsAddedExpectingAbsence() {
    ZonePlan p =
        planner.plan(DesiredZone.complete(ZONE, List.of(a("www", "192.0.2.1"))), AT, List.of());
    assertThat(p.changes())
        .containsExactly(new PlannedChange(Kind.ADDITION, a("www", "192.0.2.1"), Optional.empty()));
  }

  @Test
  void rdataAreComparedAsSetsSoOrderMakesNoChurn() {
    List<RecordSet> live = owned("gordon", a("www", "192.0.2.2", "192.0.2.1"));
    ZonePlan p =
        planner.plan(
            DesiredZone.complete(ZONE, List.of(a("www", "192.0.2.1", "192.0.2.2"))), AT, live);
    assertThat(p.changes()).isEmpty();
    assertThat(p.owned()).isEqualTo(1);
  }

  @Test
  void anOwnedRecordThatDiffersIsReplacedAndOneNoLongerDesiredIsDeleted() {
    List<RecordSet> live = owned("gordon", a("www", "192.0.2.1"), a("old", "192.0.2.9"));
    ZonePlan p = planner.plan(DesiredZone.complete(ZONE, List.of(a("www", "192.0.2.7"))), AT, live);
    assertThat(p.changes())
        .containsExactly(
            new PlannedChange(
                Kind.DELETION, a("old", "192.0.2.9"), Optional.of(a("old", "192.0.2.9"))),
            new PlannedChange(
                Kind.REPLACEMENT, a("www", "192.0.2.7"), Optional.of(a("www", "192.0.2.1"))));
  }

  @Test
  void aTtlDifferenceCountsOnlyWhenTheAuthorityGivesATtl() {
    List<RecordSet> live = owned("gordon", a("www", "192.0.2.1"));
    RecordSet noTtl = RecordSet.of("www." + ZONE, RecordType.A, List.of("192.0.2.1"));
    assertThat(planner.plan(DesiredZone.complete(ZONE, List.of(noTtl)), AT, live).changes())
        .isEmpty();
    assertThat(
            planner
                .plan(
                    DesiredZone.complete(ZONE, List.of(a("www", "192.0.2.1").withTtl(60))),
                    AT,
                    live)
                .changes())
        .extracting(PlannedChange::kind)
        .containsExactly(Kind.REPLACEMENT);
  }

  @Test
  void handMadeRecordsAndOtherOwnersRecordsAreLeftAlone() {
    List<RecordSet> live =
        concat(
            List.of(a("mx", "192.0.2.3"), a("www", "192.0.2.1")),
            owned("team-b", a("api", "192.0.2.4")));
    ZonePlan p =
        planner.plan(
            DesiredZone.complete(ZONE, List.of(a("www", "192.0.2.8"), a("api", "192.0.2.8"))),
            AT,
            live);
    assertThat(p.changes()).isEmpty();
    assertThat(p.notes())
        .containsExactly(
            "www.example.com./A: left alone, it exists and is owned by none (this gordon is"
                + " 'gordon'); --adopt takes it over",
            "api.example.com./A: left alone, it exists and is owned by 'team-b' (this gordon is"
                + " 'gordon')");
  }

  @Test
  void adoptTakesOverOnlyUnownedRecordsTheAuthorityLists() {
    List<RecordSet> live =
        concat(
            List.of(a("www", "192.0.2.1"), a("hand", "192.0.2.5")),
            owned("team-b", a("api", "192.0.2.4")));
    ZonePlan p =
        new Planner("gordon", true)
            .plan(
                DesiredZone.complete(ZONE, List.of(a("www", "192.0.2.1"), a("api", "192.0.2.4"))),
                AT,
                live);
    assertThat(p.changes())
        .containsExactly(
            new PlannedChange(
                Kind.ADOPTION, a("www", "192.0.2.1"), Optional.of(a("www", "192.0.2.1"))));
  }

  @Test
  void anEmptyOrIncompleteViewDeletesNothing() {
    List<RecordSet> live = owned("gordon", a("www", "192.0.2.1"));
    ZonePlan empty = planner.plan(DesiredZone.complete(ZONE, List.of()), AT, live);
    assertThat(empty.changes()).isEmpty();
    assertThat(empty.notes())
        .containsExactly(
            "the authority lists no records in example.com.;"
                + " refusing to delete every record, no deletions");
    ZonePlan partial =
        planner.plan(new DesiredZone(ZONE, List.of(a("new", "192.0.2.2")), false), AT, live);
    assertThat(partial.changes()).extracting(PlannedChange::kind).containsExactly(Kind.ADDITION);
    assertThat(partial.notes())
        .containsExactly("the authority's view of example.com. is incomplete; no deletions");
  }

  @Test
  void aMarkerAtAnotherNameOwnsNothing() {
    List<RecordSet> live =
        List.of(
            a("www", "192.0.2.1"),
            RecordSet.of(
                "_gordon-a-x." + ZONE,
                RecordType.TXT,
                300,
                new OwnerMarker("gordon", "www." + ZONE, RecordType.A).rdata()));
    ZonePlan p =
        planner.plan(DesiredZone.complete(ZONE, List.of(a("other", "192.0.2.2"))), AT, live);
    assertThat(p.owned()).isZero();
    assertThat(p.changes()).extracting(PlannedChange::kind).containsExactly(Kind.ADDITION);
  }
}
