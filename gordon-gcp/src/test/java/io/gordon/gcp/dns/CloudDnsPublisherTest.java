package io.gordon.gcp.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.ConflictException;
import io.gordon.api.ProviderException;
import io.gordon.api.RetriableException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.gcp.TestContext;
import io.gordon.testing.gcp.FakeGoogleApis;
import io.gordon.testing.gcp.FakeGoogleApis.Route;
import io.gordon.testing.gcp.FakeRrset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloudDnsPublisherTest {
  private static FakeGoogleApis api;
  private FakeZone fakeZone;
  private String project;
  private String zone;
  private String managed;
  private TestContext context;
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
    fakeZone = FakeZone.add(api, "zone");
    project = fakeZone.project();
    zone = fakeZone.zone();
    managed = fakeZone.managed();
    api.reset();
    publisher = publisher(Map.of());
  }

  private CloudDnsPublisher publisher(Map<String, Object> extra) {
    return publisher(extra, () -> {});
  }

  private CloudDnsPublisher publisher(Map<String, Object> extra, Runnable beforeStart) {
    Map<String, Object> cfg = fakeZone.config(extra);
    context = new TestContext("gcp.publisher", CloudDnsPublisherFactory.SPEC, cfg);
    CloudDnsPublisher p = (CloudDnsPublisher) new CloudDnsPublisherFactory().create(context);
    api.reset();
    beforeStart.run();
    p.start();
    return p;
  }

  private String n(String label) {
    return label.isEmpty() ? zone : label + "." + zone;
  }

  private static Change replace(String name, int ttl, String... rdata) {
    return new Change.Replace(RecordSet.of(name, RecordType.A, ttl, rdata));
  }

  private Optional<FakeRrset> live(String name, String type) {
    return api.dns().rrset(project, managed, name, type);
  }

  @Test
  void changesOfManyMessagesGoOutAsOneChangePerZone() {
    List<ChangeResult> results =
        publisher.apply(
            List.of(
                replace(n("a"), 300, "192.0.2.1"),
                replace(n("b"), 300, "192.0.2.2"),
                new Change.Remove(RecordSet.of(n("c"), RecordType.A, List.of()))));
    assertThat(results)
        .extracting(r -> r.getClass().getSimpleName())
        .containsExactly("Applied", "Applied", "Unchanged");
    assertThat(((ChangeResult.Unchanged) results.get(2)).reason())
        .isEqualTo("nothing to remove: " + n("c") + "/A does not exist");
    assertThat(api.requests(Route.CHANGES_CREATE)).hasSize(1);
    assertThat(live(n("a"), "A")).contains(FakeRrset.of(n("a"), "A", 300, "192.0.2.1"));
    assertThat(api.requests()).allMatch(r -> r.authorization().isEmpty());
  }

  @Test
  void replacementDeletesTheLiveRrsetExactlyAsReadAndAddsTheNewOne() {
    api.dns().put(project, managed, FakeRrset.of(n("svc"), "A", 3600, "127.0.0.1"));
    ChangeResult r =
        publisher.apply(List.of(replace(n("svc"), 3600, "127.0.0.1", "127.0.0.2"))).get(0);
    assertThat(r).isInstanceOf(ChangeResult.Applied.class);
    String body = api.requests(Route.CHANGES_CREATE).get(0).body();
    assertThat(body)
        .contains(
            "\"deletions\":[{\"kind\":\"dns#resourceRecordSet\",\"name\":\""
                + n("svc")
                + "\",\"rrdatas\":[\"127.0.0.1\"],\"ttl\":3600,\"type\":\"A\"}]");
    assertThat(live(n("svc"), "A").orElseThrow().rrdatas())
        .containsExactlyInAnyOrder("127.0.0.1", "127.0.0.2");
  }

  @Test
  void replayingAReplacementChangesNothing() {
    publisher.apply(List.of(replace(n("x"), 300, "192.0.2.1")));
    api.reset();
    ChangeResult r = publisher.apply(List.of(replace(n("x"), 300, "192.0.2.1"))).get(0);
    assertThat(r).isInstanceOf(ChangeResult.Unchanged.class);
    assertThat(api.requests(Route.CHANGES_CREATE)).isEmpty();
  }

  @Test
  void removingListedRdataKeepsTheRest() {
    api.dns().put(project, managed, FakeRrset.of(n("m"), "A", 300, "192.0.2.1", "192.0.2.2"));
    ChangeResult r =
        publisher
            .apply(
                List.of(
                    new Change.Remove(RecordSet.of(n("m"), RecordType.A, List.of("192.0.2.1")))))
            .get(0);
    assertThat(r).isInstanceOf(ChangeResult.Applied.class);
    assertThat(live(n("m"), "A")).contains(FakeRrset.of(n("m"), "A", 300, "192.0.2.2"));
  }

  @Test
  void apexRecordsAreAllowedButApexNsIsRefused() {
    List<ChangeResult> results =
        publisher.apply(
            List.of(
                new Change.Replace(RecordSet.of(zone, RecordType.TXT, 300, "\"v=spf1 -all\"")),
                new Change.Replace(RecordSet.of(zone, RecordType.NS, 300, "ns1.example."))));
    assertThat(results.get(0)).isInstanceOf(ChangeResult.Applied.class);
    assertThat(live(zone, "TXT")).isPresent();
    ChangeResult.Failed f = (ChangeResult.Failed) results.get(1);
    assertThat(f.error())
        .hasMessage("NS records at the zone apex " + zone + " are managed by Cloud DNS");
  }

  @Test
  void aConcurrentChangeIsReReadAndRetried() {
    api.dns().put(project, managed, FakeRrset.of(n("race"), "A", 300, "192.0.2.1"));
    api.dns()
        .beforeNextCreate(
            () -> api.dns().put(project, managed, FakeRrset.of(n("race"), "A", 60, "192.0.2.9")));
    ChangeResult r = publisher.apply(List.of(replace(n("race"), 300, "192.0.2.5"))).get(0);
    assertThat(r).isInstanceOf(ChangeResult.Applied.class);
    assertThat(api.requests(Route.CHANGES_CREATE)).hasSize(2);
    assertThat(live(n("race"), "A")).contains(FakeRrset.of(n("race"), "A", 300, "192.0.2.5"));
    assertThat(context.counters).contains("publish-records-conflict{plugin=gdnspublisher}");
  }

  @Test
  void endlessConcurrentChangesEndInAConflict() {
    publisher = publisher(Map.of("conflict_retries", 1L));
    api.dns().put(project, managed, FakeRrset.of(n("busy"), "A", 300, "192.0.2.1"));
    Runnable[] writer = new Runnable[1];
    int[] ttl = {100};
    writer[0] =
        () -> {
          api.dns().put(project, managed, FakeRrset.of(n("busy"), "A", ttl[0]++, "192.0.2.1"));
          api.dns().beforeNextCreate(writer[0]);
        };
    api.dns().beforeNextCreate(writer[0]);
    ChangeResult r = publisher.apply(List.of(replace(n("busy"), 300, "192.0.2.5"))).get(0);
    api.dns().beforeNextCreate(null);
    assertThat(((ChangeResult.Failed) r).error())
        .isInstanceOf(ConflictException.class)
        .hasMessage(n("busy") + "/A kept changing concurrently; gave up after 2 attempts");
  }

  @Test
  void compareAndSwapFailsWithoutWritingWhenTheLiveDataDiffer() {
    api.dns().put(project, managed, FakeRrset.of(n("cas"), "A", 300, "192.0.2.1"));
    ChangeResult r =
        publisher
            .apply(
                List.of(
                    new Change.Replace(
                        RecordSet.of(n("cas"), RecordType.A, 300, "192.0.2.2"),
                        Optional.of(List.of("192.0.2.7")))))
            .get(0);
    assertThat(((ChangeResult.Failed) r).error())
        .isInstanceOf(ConflictException.class)
        .hasMessage("expected " + n("cas") + "/A to hold [192.0.2.7] but found [192.0.2.1]");
    assertThat(api.requests(Route.CHANGES_CREATE)).isEmpty();
  }

  @Test
  void serverErrorsAreRetriedThenSucceed() {
    api.failNext(Route.CHANGES_CREATE, 503, 2);
    ChangeResult r = publisher.apply(List.of(replace(n("flaky"), 300, "192.0.2.1"))).get(0);
    assertThat(r).isInstanceOf(ChangeResult.Applied.class);
    assertThat(api.requests(Route.CHANGES_CREATE)).hasSize(3);
  }

  @Test
  void rateLimitBeyondTheBudgetIsARetriableFailureOfCloudDnsNotOfTheRecord() {
    publisher = publisher(Map.of("api_retries", 1L));
    api.failNext(Route.CHANGES_CREATE, 429, 2);
    ChangeResult.Failed f =
        (ChangeResult.Failed)
            publisher.apply(List.of(replace(n("limited"), 300, "192.0.2.1"))).get(0);
    // no record named: the core's readiness counts it against the provider's zone
    assertThat(f.error())
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.retriable()).isTrue();
              assertThat(e.name()).isEmpty();
              assertThat(e.zone()).isEqualTo(zone);
            })
        .hasMessage(
            "Cloud DNS failed "
                + "for "
                + n("limited")
                + "/A in zone "
                + zone
                + ": 429 rateLimitExceeded: Resource has "
                + "been exhausted (e.g. check quota).");
  }

  @Test
  void aLostAnswerIsRetriedWithTheSameClientOperationIdAndAppliedOnce() {
    api.dropResponseNext(Route.CHANGES_CREATE, 1);
    ChangeResult r = publisher.apply(List.of(replace(n("lost"), 300, "192.0.2.1"))).get(0);
    assertThat(r).isInstanceOf(ChangeResult.Applied.class);
    List<FakeGoogleApis.RecordedRequest> creates = api.requests(Route.CHANGES_CREATE);
    assertThat(creates).hasSize(2);
    assertThat(creates.get(1).query().get("clientOperationId"))
        .isEqualTo(creates.get(0).query().get("clientOperationId"))
        .isNotBlank();
    assertThat(api.dns().changeCount(project, managed)).isEqualTo(1);
  }

  @Test
  void oneRefusedRrsetFailsAloneWithTheApiMessage() {
    api.dns().setQuota(project, "resourceRecordsPerRrset", 2);
    List<ChangeResult> results =
        publisher.apply(
            List.of(
                replace(n("ok"), 300, "192.0.2.1"),
                replace(n("big"), 300, "192.0.2.1", "192.0.2.2", "192.0.2.3")));
    assertThat(results.get(0)).isInstanceOf(ChangeResult.Applied.class);
    ProviderException e = (ProviderException) ((ChangeResult.Failed) results.get(1)).error();
    assertThat(e.retriable()).isFalse();
    assertThat(e)
        .hasMessage(
            "Cloud DNS refused "
                + n("big")
                + "/A: 403 quotaExceeded: The "
                + "change would exceed quota for resource records per rrset.");
    assertThat(live(n("ok"), "A")).isPresent();
  }

  @Test
  void batchesBeyondTheAdditionsQuotaAreSplit() {
    api.dns().setQuota(project, "rrsetAdditionsPerChange", 2);
    publisher = publisher(Map.of());
    List<ChangeResult> results =
        publisher.apply(
            List.of(
                replace(n("q1"), 300, "192.0.2.1"),
                replace(n("q2"), 300, "192.0.2.2"),
                replace(n("q3"), 300, "192.0.2.3"),
                replace(n("q4"), 300, "192.0.2.4"),
                replace(n("q5"), 300, "192.0.2.5")));
    assertThat(results).allMatch(r -> r instanceof ChangeResult.Applied);
    assertThat(api.requests(Route.CHANGES_CREATE)).hasSize(3);
  }

  @Test
  void aChangeStillPendingAtTheDeadlineIsRetriableNotDropped() {
    publisher = publisher(Map.of("publish_wait_timeout", 0.3));
    api.dns().changesNeverDone();
    try {
      ChangeResult.Failed f =
          (ChangeResult.Failed)
              publisher.apply(List.of(replace(n("slow"), 300, "192.0.2.1"))).get(0);
      assertThat(f.error())
          .isInstanceOf(RetriableException.class)
          .hasMessageStartingWith(
              "Cloud DNS change 1 in zone " + managed + " was still pending after ");
      assertThat(context.counters).contains("publish-records-timeout{plugin=gdnspublisher}");
    } finally {
      api.dns().changesStayPendingFor(0);
    }
    assertThat(publisher.apply(List.of(replace(n("slow"), 300, "192.0.2.1"))).get(0))
        .isInstanceOf(ChangeResult.Unchanged.class);
  }

  @Test
  void namesOutsideTheZonesFailPermanently() {
    ChangeResult.Failed f =
        (ChangeResult.Failed)
            publisher.apply(List.of(replace("www.elsewhere.org.", 300, "192.0.2.1"))).get(0);
    assertThat(f.error())
        .isInstanceOf(ProviderException.class)
        .hasMessage("www.elsewhere.org. is not in any zone this provider manages [" + zone + "]");
  }

  @Test
  void readAndListShowTheLiveRecordsWithoutSoaOrApexNs() {
    api.dns().put(project, managed, FakeRrset.of(n("r"), "TXT", 300, "\"hi\""));
    assertThat(publisher.read(n("r"), RecordType.TXT))
        .contains(RecordSet.of(n("r"), RecordType.TXT, 300, "\"hi\""));
    assertThat(publisher.read(n("none"), RecordType.A)).isEmpty();
    assertThat(publisher.list(zone))
        .containsExactly(RecordSet.of(n("r"), RecordType.TXT, 300, "\"hi\""));
  }

  @Test
  void whenZonesCannotBeListedTheNamingConventionFindsTheZone() {
    api.dns().addZone(project, "prod-fallback-example", "fallback.example.");
    publisher =
        publisher(
            Map.of("dns_zone", "fallback.example.", "default_zone_prefix", "prod"),
            () -> api.failNext(Route.ZONES_LIST, 403, 1));
    ChangeResult r =
        publisher.apply(List.of(replace("h.fallback.example.", 300, "192.0.2.1"))).get(0);
    assertThat(r).isInstanceOf(ChangeResult.Applied.class);
    assertThat(api.requests(Route.ZONES_GET)).hasSize(1);
  }

  @Test
  void aZoneWithoutManagedZoneFailsAtStartSayingWhatWasTried() {
    TestContext ctx =
        new TestContext(
            "gcp.publisher",
            CloudDnsPublisherFactory.SPEC,
            Map.of(
                "project",
                project,
                "dns_zone",
                "nowhere.example.",
                "endpoint",
                api.rootUrl(),
                "anonymous",
                true));
    CloudDnsPublisher p = (CloudDnsPublisher) new CloudDnsPublisherFactory().create(ctx);
    org.assertj.core.api.Assertions.assertThatThrownBy(p::start)
        .isInstanceOf(io.gordon.api.PermanentException.class)
        .hasMessageStartingWith(
            "project "
                + project
                + " has no managed zone with DNS name "
                + "nowhere.example., nor one named nowhere-example by the naming convention: 404");
  }

  @Test
  void checkReportsAnUnreachableApiAsARetriableProviderFailure() {
    api.failNext(Route.PROJECTS_GET, 503, 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(publisher::check)
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isTrue())
        .hasMessage(
            "Cloud DNS project "
                + project
                + ": 503 backendError: The service is "
                + "currently unavailable.");
    publisher.check();
  }
}
