package io.gordon.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.api.PermanentException;
import io.gordon.api.RetriableException;
import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.HistoryEntry;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.RecordReader;
import io.gordon.gcp.TestContext;
import io.gordon.testing.gcp.FakeGoogleApis;
import io.gordon.testing.gcp.FakeGoogleApis.Route;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GceEnricherTest {
  private static final String PROJECT = "123456789101";
  private static final String ZONE = "us-central1-c";
  private static FakeGoogleApis api;
  private static int seq;
  private String instance;
  private TestContext context;

  @BeforeAll
  static void startFake() {
    api = FakeGoogleApis.start();
  }

  @AfterAll
  static void stopFake() {
    api.close();
  }

  @BeforeEach
  void newInstanceName() {
    instance = "an-instance-name-" + (++seq);
    api.reset();
  }

  private GceEnricher enricher(Map<String, Object> extra) {
    Map<String, Object> cfg =
        new HashMap<>(
            Map.of(
                "dns_zone",
                "example.com.",
                "endpoint",
                api.rootUrl(),
                "anonymous",
                true,
                "retry_delay",
                0.001,
                "retry_max_delay",
                0.005));
    cfg.putAll(extra);
    context = new TestContext("gcp.enricher", GceEnricherFactory.SPEC, cfg);
    return (GceEnricher) new GceEnricherFactory().create(context);
  }

  private EventMessage audit(Action action) {
    DnsEvent e =
        new DnsEvent(
            Optional.empty(),
            action,
            Optional.of(Instant.parse("2017-12-04T20:13:50.717Z")),
            List.of(),
            Optional.of("projects/" + PROJECT + "/zones/" + ZONE + "/instances/" + instance),
            "audit-log");
    return EventMessage.create("m-" + seq, e, "enrich", Instant.EPOCH, Map.of());
  }

  private static HistoryEntry last(EventMessage m) {
    return m.history().get(m.history().size() - 1);
  }

  @Test
  void insertBecomesAnARecordForTheExternalIpWithTheDefaultTtl() {
    api.compute().addInstance(PROJECT, ZONE, instance, "127.99.199.27", "10.0.0.2");
    EventMessage out = enricher(Map.of()).handle(audit(Action.ADDITIONS));
    assertThat(out.event().records())
        .containsExactly(
            RecordSet.of(instance + ".example.com.", RecordType.A, 300, "127.99.199.27"));
    assertThat(last(out).message()).isEqualTo("Enriched msg with 1 resource record(s).");
    assertThat(last(out).plugin()).isEqualTo("gcp.enricher");
  }

  @Test
  void internalIpAndConfiguredTtlAreUsedWhenAsked() {
    api.compute().addInstance(PROJECT, ZONE, instance, null, "10.0.0.2");
    EventMessage out =
        enricher(Map.of("use_internal_ip", true, "default_ttl", 60L))
            .handle(audit(Action.ADDITIONS));
    assertThat(out.event().records())
        .containsExactly(RecordSet.of(instance + ".example.com.", RecordType.A, 60, "10.0.0.2"));
  }

  @Test
  void anInstanceWithoutAnAddressYetIsPolledUntilItHasOne() {
    api.compute().addInstance(PROJECT, ZONE, instance, "203.0.113.5", "10.0.0.2");
    api.compute().withoutAddressFor(PROJECT, ZONE, instance, 2);
    EventMessage out = enricher(Map.of()).handle(audit(Action.ADDITIONS));
    assertThat(out.event().records().get(0).rdata()).containsExactly("203.0.113.5");
    assertThat(api.compute().gets(PROJECT, ZONE, instance)).isEqualTo(3);
  }

  @Test
  void anInstanceThatNeverGetsAnAddressIsRetriableAfterTheConfiguredReads() {
    api.compute().addInstance(PROJECT, ZONE, instance, "203.0.113.5", "10.0.0.2");
    api.compute().withoutAddressFor(PROJECT, ZONE, instance, 100);
    GceEnricher e = enricher(Map.of("retries", 3L));
    assertThatThrownBy(() -> e.handle(audit(Action.ADDITIONS)))
        .isInstanceOf(RetriableException.class)
        .hasMessage(
            "no address for projects/"
                + PROJECT
                + "/zones/"
                + ZONE
                + "/instances/"
                + instance
                + " after 3 reads: instance is PROVISIONING without an address yet");
    assertThat(api.compute().gets(PROJECT, ZONE, instance)).isEqualTo(3);
  }

  @Test
  void aRunningInstanceWithoutExternalIpFailsPermanentlyAtOnce() {
    api.compute().addInstance(PROJECT, ZONE, instance, null, "10.0.0.2");
    GceEnricher e = enricher(Map.of());
    assertThatThrownBy(() -> e.handle(audit(Action.ADDITIONS)))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining(
            "is RUNNING and has no "
                + "external NAT IP (set use_internal_ip = true to publish its internal IP)");
    assertThat(api.compute().gets(PROJECT, ZONE, instance)).isEqualTo(1);
  }

  @Test
  void aMissingInstanceFailsPermanentlyWithoutPolling() {
    GceEnricher e = enricher(Map.of());
    assertThatThrownBy(() -> e.handle(audit(Action.ADDITIONS)))
        .isInstanceOf(PermanentException.class)
        .hasMessage(
            "cannot read instance projects/"
                + PROJECT
                + "/zones/"
                + ZONE
                + "/instances/"
                + instance
                + ": 404 notFound: The resource 'projects/"
                + PROJECT
                + "/zones/"
                + ZONE
                + "/instances/"
                + instance
                + "' was not found");
    assertThat(api.requests(Route.INSTANCES_GET)).hasSize(1);
  }

  @Test
  void serverErrorsArePolledThrough() {
    api.compute().addInstance(PROJECT, ZONE, instance, "203.0.113.5", "10.0.0.2");
    api.failNext(Route.INSTANCES_GET, 503, 2);
    EventMessage out = enricher(Map.of()).handle(audit(Action.ADDITIONS));
    assertThat(out.event().records().get(0).rdata()).containsExactly("203.0.113.5");
  }

  @Test
  void deleteRemovesExactlyTheLiveARecord() {
    RecordSet live = RecordSet.of(instance + ".example.com.", RecordType.A, 300, "203.0.113.5");
    GceEnricher e = enricher(Map.of());
    context.withRecords(reader(Optional.of(live)));
    EventMessage out = e.handle(audit(Action.DELETIONS));
    assertThat(out.event().action()).isEqualTo(Action.DELETIONS);
    assertThat(out.event().records())
        .containsExactly(
            new RecordSet(
                instance + ".example.com.",
                RecordType.A,
                OptionalInt.empty(),
                List.of("203.0.113.5")));
  }

  @Test
  void deleteOfAnUnknownHostAsksForANoOpRemovalAndSaysSo() {
    GceEnricher e = enricher(Map.of());
    context.withRecords(reader(Optional.empty()));
    EventMessage out = e.handle(audit(Action.DELETIONS));
    assertThat(out.event().records().get(0).rdata()).isEmpty();
    assertThat(last(out).message())
        .isEqualTo("No A record found for " + instance + ".example.com.; nothing to delete.");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void eventsWithRecordsPassThroughWithAHistoryLine() {
    RecordSet r = RecordSet.of("www.example.com.", RecordType.A, 300, "192.0.2.1");
    EventMessage in =
        EventMessage.create(
            "g1",
            DnsEvent.of(Action.ADDITIONS, Instant.EPOCH, List.of(r)),
            "enrich",
            Instant.EPOCH,
            Map.of());
    EventMessage out = enricher(Map.of()).handle(in);
    assertThat(out.event()).isEqualTo(in.event());
    assertThat(last(out).message()).isEqualTo("Message already enriched, skipping phase.");
  }

  private static RecordReader reader(Optional<RecordSet> answer) {
    return new RecordReader() {
      @Override
      public Optional<RecordSet> read(String name, RecordType type) {
        return answer.filter(a -> a.name().equals(name) && a.type() == type);
      }

      @Override
      public List<RecordSet> list(String zone) {
        return List.of();
      }
    };
  }
}
