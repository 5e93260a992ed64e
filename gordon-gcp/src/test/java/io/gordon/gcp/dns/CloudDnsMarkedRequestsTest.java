package io.gordon.gcp.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.OwnershipException;
import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.testing.gcp.FakeGoogleApis;
import io.gordon.testing.gcp.FakeGoogleApis.Route;
import io.gordon.testing.gcp.FakeRrset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With ownership markers, gcp.publisher costs what it costs without them once it has read the zone:
 * one {@code changes.create} and one {@code changes.get} per batch, the snapshot kept complete. A
 * foreign writer that changes a record or its marker between two batches makes Cloud DNS refuse the
 * change (409, 412 or 404), gordon re-reads those names and decides again: a foreign-owned or
 * unmarked record is never overwritten.
 */
class CloudDnsMarkedRequestsTest {
  private static final Ownership CLAIM = Ownership.of("gordon");
  private static FakeGoogleApis api;
  private String project;
  private String zone;
  private String managed;
  private CloudDnsPublisher publisher;

  @BeforeAll
  static void startFake() {
    api = FakeGoogleApis.start();
  }

  @AfterAll
  static void stopFake() {
    api.close();
  }

  /** A zone whose whole listing gordon has read: a first claimed batch of 12 names (24 names). */
  @BeforeEach
  void zoneReadOnce() {
    FakeZone z = FakeZone.add(api, "marked");
    project = z.project();
    zone = z.zone();
    managed = z.managed();
    publisher = z.publisher();
    List<Change> first = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      first.add(add("old" + i, "192.0.2." + (i + 1)));
    }
    assertThat(publisher.apply(first)).allMatch(ChangeResult.Applied.class::isInstance);
    assertThat(api.requests(Route.RRSETS_LIST))
        .as("the first batch lists the whole zone")
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.query()).doesNotContainKey("name"));
    api.reset();
  }

  private String n(String label) {
    return label + "." + zone;
  }

  private Change add(String label, String address) {
    return new Change.Replace(RecordSet.of(n(label), RecordType.A, 300, address))
        .withOwnership(CLAIM);
  }

  private Change remove(String label) {
    return new Change.Remove(RecordSet.of(n(label), RecordType.A, List.of())).withOwnership(CLAIM);
  }

  private String marker(String label) {
    return OwnerMarker.nameFor(n(label), RecordType.A, zone);
  }

  private FakeRrset markerOf(String label, String owner) {
    return FakeRrset.of(
        marker(label), "TXT", 300, new OwnerMarker(owner, n(label), RecordType.A).rdata());
  }

  private Optional<FakeRrset> live(String name, String type) {
    return api.dns().rrset(project, managed, name, type);
  }

  private static Map<Route, Integer> byRoute() {
    Map<Route, Integer> out = new EnumMap<>(Route.class);
    api.requests().forEach(r -> out.merge(r.route(), 1, Integer::sum));
    return out;
  }

  private static OwnershipException refusal(ChangeResult r) {
    assertThat(r).isInstanceOf(ChangeResult.Failed.class);
    return (OwnershipException) ((ChangeResult.Failed) r).error();
  }

  @Test
  void aSecondBatchOfNewClaimedNamesCostsExactlyOneCreateAndOneGet() {
    List<Change> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(add("new" + i, "198.51.100." + (i + 1)));
    }
    assertThat(publisher.apply(batch)).allMatch(ChangeResult.Applied.class::isInstance);
    assertThat(byRoute()).isEqualTo(Map.of(Route.CHANGES_CREATE, 1, Route.CHANGES_GET, 1));
    assertThat(live(marker("new29"), "TXT")).contains(markerOf("new29", "gordon"));
  }

  @Test
  void replacingAndRemovingOwnedRecordsCostsExactlyOneCreateAndOneGet() {
    List<ChangeResult> r =
        publisher.apply(
            List.of(add("old0", "203.0.113.1"), remove("old1"), add("new", "198.51.100.7")));
    assertThat(r).hasSize(3).allMatch(ChangeResult.Applied.class::isInstance);
    assertThat(byRoute()).isEqualTo(Map.of(Route.CHANGES_CREATE, 1, Route.CHANGES_GET, 1));
    assertThat(live(n("old0"), "A")).contains(FakeRrset.of(n("old0"), "A", 300, "203.0.113.1"));
    assertThat(live(n("old1"), "A")).isEmpty();
    assertThat(live(marker("old1"), "TXT")).as("the marker goes with its record").isEmpty();
  }

  @Test
  void claimedChangesThatCancelOutAreCheckedByAProbeAndAFollowUpNotByReadingTheZone() {
    List<ChangeResult> r =
        publisher.apply(
            List.of(add("brief", "203.0.113.1"), add("brief", "203.0.113.2"), remove("brief")));
    assertThat(r).hasSize(3).allMatch(ChangeResult.Applied.class::isInstance);
    assertThat(byRoute()).isEqualTo(Map.of(Route.CHANGES_CREATE, 2, Route.CHANGES_GET, 2));
    assertThat(api.requests(Route.CHANGES_CREATE).get(0).body())
        .as("the probe: the record and its marker added, which needs both absent")
        .contains("\"name\":\"" + n("brief") + "\"")
        .contains("\"name\":\"" + marker("brief") + "\"");
    assertThat(live(n("brief"), "A")).isEmpty();
    assertThat(live(marker("brief"), "TXT")).isEmpty();
  }

  @Test
  void aRecordWrittenByAnotherWriterMeanwhileIsReadAgainAndNotClaimed() {
    api.dns().put(project, managed, FakeRrset.of(n("theirs"), "A", 60, "192.0.2.99"));
    ChangeResult r = publisher.apply(List.of(add("theirs", "203.0.113.1"))).get(0);
    assertThat(refusal(r))
        .hasMessage(
            n("theirs") + " A exists and is owned by none (this gordon is 'gordon'); not changed");
    assertThat(byRoute())
        .as("the addition meets 409, then the record and its marker name are read")
        .isEqualTo(Map.of(Route.RRSETS_LIST, 2, Route.CHANGES_CREATE, 1));
    assertThat(live(n("theirs"), "A")).contains(FakeRrset.of(n("theirs"), "A", 60, "192.0.2.99"));
    assertThat(live(marker("theirs"), "TXT")).isEmpty();
  }

  @Test
  void aMarkerTakenByAnotherOwnerBetweenBatchesStopsTheRemovalAfterAFreshRead() {
    api.dns().put(project, managed, markerOf("old2", "team-b"));
    ChangeResult r = publisher.apply(List.of(remove("old2"))).get(0);
    assertThat(refusal(r))
        .hasMessage(
            n("old2")
                + " A exists and is owned by 'team-b' (this gordon is 'gordon'); not changed");
    assertThat(byRoute())
        .as("the marker deletion meets 412, then both names are read")
        .isEqualTo(Map.of(Route.RRSETS_LIST, 2, Route.CHANGES_CREATE, 1));
    assertThat(live(n("old2"), "A")).contains(FakeRrset.of(n("old2"), "A", 300, "192.0.2.3"));
    assertThat(live(marker("old2"), "TXT")).contains(markerOf("old2", "team-b"));
  }

  @Test
  void aMarkerRemovedByAnotherWriterBetweenBatchesLeavesTheRecordUnclaimed() {
    api.dns().remove(project, managed, marker("old3"), "TXT");
    ChangeResult r = publisher.apply(List.of(add("old3", "203.0.113.3"))).get(0);
    assertThat(refusal(r))
        .hasMessage(
            n("old3") + " A exists and is owned by none (this gordon is 'gordon'); not changed");
    assertThat(api.requests(Route.CHANGES_CREATE))
        .as("the first one: 404 on the marker")
        .hasSize(1);
    assertThat(live(n("old3"), "A")).contains(FakeRrset.of(n("old3"), "A", 300, "192.0.2.4"));
  }

  @Test
  void aForeignRecordBehindChangesThatCancelOutIsNeverOverwritten() {
    api.dns().put(project, managed, FakeRrset.of(n("vm"), "A", 60, "192.0.2.77"));
    api.dns().put(project, managed, markerOf("vm", "team-b"));
    List<ChangeResult> r = publisher.apply(List.of(add("vm", "203.0.113.1"), remove("vm")));
    assertThat(r)
        .extracting(x -> refusal(x).getMessage())
        .containsOnly(
            n("vm") + " A exists and is owned by 'team-b' (this gordon is 'gordon'); not changed");
    assertThat(api.requests(Route.CHANGES_CREATE)).as("the probe: 409").hasSize(1);
    assertThat(live(n("vm"), "A")).contains(FakeRrset.of(n("vm"), "A", 60, "192.0.2.77"));
    assertThat(live(marker("vm"), "TXT")).contains(markerOf("vm", "team-b"));
  }

  @Test
  void aClaimedRecordThatEndsAsItWasReadStillChecksItsMarker() {
    api.dns().put(project, managed, markerOf("old4", "team-b"));
    List<ChangeResult> r =
        publisher.apply(List.of(add("old4", "203.0.113.4"), add("old4", "192.0.2.5")));
    assertThat(r).allSatisfy(x -> assertThat(refusal(x)).hasMessageContaining("'team-b'"));
    assertThat(api.requests(Route.CHANGES_CREATE))
        .as("record and marker deleted as read and added back: 412")
        .hasSize(1);
    assertThat(live(n("old4"), "A")).contains(FakeRrset.of(n("old4"), "A", 300, "192.0.2.5"));
  }
}
