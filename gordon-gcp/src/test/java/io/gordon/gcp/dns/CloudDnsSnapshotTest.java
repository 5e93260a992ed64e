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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * gcp.publisher plans against what it knows of the zone instead of reading it for every batch, and
 * stays exact when another writer changes the zone behind its back; owner markers travel in the
 * same Cloud DNS change as their record.
 */
class CloudDnsSnapshotTest {
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

  @BeforeEach
  void newZone() {
    FakeZone z = FakeZone.add(api, "snap");
    project = z.project();
    zone = z.zone();
    managed = z.managed();
    publisher = z.publisher();
  }

  private String n(String label) {
    return label + "." + zone;
  }

  private static Change.Replace replace(String name, String... rdata) {
    return new Change.Replace(RecordSet.of(name, RecordType.A, 300, rdata));
  }

  private Optional<FakeRrset> live(String name, String type) {
    return api.dns().rrset(project, managed, name, type);
  }

  @Test
  void aLaterBatchIsPlannedWithoutReadingTheZoneAgain() {
    publisher.apply(List.of(replace(n("a"), "192.0.2.1"), replace(n("b"), "192.0.2.2")));
    api.reset();
    List<ChangeResult> r =
        publisher.apply(
            List.of(
                replace(n("a"), "192.0.2.3"),
                new Change.Remove(RecordSet.of(n("b"), RecordType.A, List.of())),
                replace(n("c"), "192.0.2.4")));
    assertThat(r).allMatch(ChangeResult.Applied.class::isInstance);
    assertThat(api.requests(Route.RRSETS_LIST))
        .as("only the name never seen is read")
        .extracting(req -> req.query().get("name"))
        .containsExactly(n("c"));
    assertThat(api.requests(Route.CHANGES_CREATE)).hasSize(1);
    assertThat(live(n("a"), "A")).contains(FakeRrset.of(n("a"), "A", 300, "192.0.2.3"));
    assertThat(live(n("b"), "A")).isEmpty();
  }

  @Test
  void aRecordChangedBehindGordonsBackIsReadAgainAndTheChangeStillApplies() {
    publisher.apply(List.of(replace(n("moved"), "192.0.2.1")));
    api.dns().put(project, managed, FakeRrset.of(n("moved"), "A", 60, "192.0.2.9"));
    api.reset();
    assertThat(publisher.apply(List.of(replace(n("moved"), "192.0.2.5"))))
        .singleElement()
        .isInstanceOf(ChangeResult.Applied.class);
    assertThat(api.requests(Route.CHANGES_CREATE)).hasSize(2); // the first one: 412
    assertThat(live(n("moved"), "A")).contains(FakeRrset.of(n("moved"), "A", 300, "192.0.2.5"));
  }

  @Test
  void aNoOpThatTheSnapshotSuggestsIsConfirmedByAFreshRead() {
    publisher.apply(List.of(replace(n("same"), "192.0.2.1")));
    api.dns().put(project, managed, FakeRrset.of(n("same"), "A", 300, "192.0.2.9"));
    assertThat(publisher.apply(List.of(replace(n("same"), "192.0.2.1"))))
        .singleElement()
        .isInstanceOf(ChangeResult.Applied.class);
    assertThat(live(n("same"), "A")).contains(FakeRrset.of(n("same"), "A", 300, "192.0.2.1"));
    api.dns().remove(project, managed, n("same"), "A");
    assertThat(
            publisher.apply(
                List.of(new Change.Remove(RecordSet.of(n("same"), RecordType.A, List.of())))))
        .singleElement()
        .isInstanceOf(ChangeResult.Unchanged.class);
  }

  @Test
  void aClaimedRecordAndItsMarkerGoOutInOneChange() {
    assertThat(publisher.apply(List.of(replace(n("own"), "192.0.2.1").withOwnership(CLAIM))))
        .singleElement()
        .isInstanceOf(ChangeResult.Applied.class);
    assertThat(api.requests(Route.CHANGES_CREATE))
        .singleElement()
        .satisfies(
            req ->
                assertThat(req.body())
                    .contains("\"name\":\"" + n("own") + "\"")
                    .contains("\"name\":\"_gordon-a-" + n("own") + "\"")
                    .contains("heritage=gordon,owner=gordon,record=" + n("own") + ",type=A,v=1"));
    api.reset();
    publisher.apply(List.of(replace(n("own"), "192.0.2.2").withOwnership(CLAIM)));
    String body = api.requests(Route.CHANGES_CREATE).get(0).body();
    assertThat(body.split("_gordon-a-", -1))
        .as("the marker is deleted as read and re-added")
        .hasSize(3);
  }

  @Test
  void aMarkerTakenByAnotherOwnerMeanwhileStopsTheChange() {
    publisher.apply(List.of(replace(n("taken"), "192.0.2.1").withOwnership(CLAIM)));
    String marker = OwnerMarker.nameFor(n("taken"), RecordType.A, zone);
    api.dns()
        .beforeNextCreate(
            () ->
                api.dns()
                    .put(
                        project,
                        managed,
                        FakeRrset.of(
                            marker,
                            "TXT",
                            300,
                            new OwnerMarker("team-b", n("taken"), RecordType.A).rdata())));
    ChangeResult r =
        publisher.apply(List.of(replace(n("taken"), "192.0.2.2").withOwnership(CLAIM))).get(0);
    assertThat(((ChangeResult.Failed) r).error())
        .isInstanceOf(OwnershipException.class)
        .hasMessage(
            n("taken")
                + " A exists and is owned by 'team-b' (this gordon is 'gordon');"
                + " not changed");
    assertThat(live(n("taken"), "A")).contains(FakeRrset.of(n("taken"), "A", 300, "192.0.2.1"));
  }

  @Test
  void changesThatCancelOutAreCheckedAgainstAFreshReadNotTheSnapshot() {
    publisher.apply(
        List.of(
            replace(n("gone"), "192.0.2.1"),
            new Change.Remove(RecordSet.of(n("gone"), RecordType.A, List.of()))));
    api.dns().put(project, managed, FakeRrset.of(n("gone"), "A", 300, "192.0.2.9"));
    List<ChangeResult> r =
        publisher.apply(
            List.of(
                replace(n("gone"), "192.0.2.2"),
                new Change.Remove(RecordSet.of(n("gone"), RecordType.A, List.of()))));
    assertThat(r).allMatch(ChangeResult.Applied.class::isInstance);
    assertThat(live(n("gone"), "A"))
        .as("the record written behind gordon's back is removed too")
        .isEmpty();
  }

  @Test
  void changesThatCancelOutNextToANewCnameAreConfirmedByAReadInsteadOfAProbe() {
    Change.Remove removeA = new Change.Remove(RecordSet.of(n("c"), RecordType.A, List.of()));
    publisher.apply(List.of(replace(n("c"), "192.0.2.1"), removeA));
    api.reset();
    List<ChangeResult> r =
        publisher.apply(
            List.of(
                replace(n("c"), "192.0.2.2"),
                removeA,
                new Change.Replace(
                    RecordSet.of(n("c"), RecordType.CNAME, 300, "target.example."))));
    assertThat(r).allMatch(ChangeResult.Applied.class::isInstance);
    assertThat(api.requests(Route.RRSETS_LIST))
        .as("an A probe would clash with the CNAME: the name is read instead")
        .extracting(req -> req.query().get("name"))
        .containsExactly(n("c"));
    assertThat(api.requests(Route.CHANGES_CREATE)).hasSize(1);
    assertThat(live(n("c"), "CNAME"))
        .contains(FakeRrset.of(n("c"), "CNAME", 300, "target.example."));
    assertThat(live(n("c"), "A")).isEmpty();
  }
}
