package io.gordon.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.api.model.Action;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.Outcome;
import io.gordon.testing.fakes.FakeEventSource;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.RecordingMetricRelay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GordonRuntimeIT {
  private static final EventCodec CODEC =
      new EventCodec() {
        @Override
        public DnsEvent decode(String json) {
          throw new UnsupportedOperationException();
        }

        @Override
        public List<io.gordon.api.plugin.Decoded> decodeAll(String body) {
          throw new UnsupportedOperationException();
        }

        @Override
        public String encode(DnsEvent event) {
          return "{}";
        }
      };
  private final Clock clock = Clock.systemUTC();
  @TempDir Path dir;

  private EventMessage msg(int i) {
    return EventMessage.create(
        "m" + i,
        DnsEvent.of(
            Action.ADDITIONS,
            clock.instant(),
            List.of(RecordSet.of("h" + i + ".example.com", RecordType.A, 300, "10.0.0.1"))),
        "consume",
        clock.instant(),
        Map.of());
  }

  @Test
  void shutdownDrainsInFlightMessagesThenShutsEveryPluginDown() throws Exception {
    FakeEventSource source = new FakeEventSource();
    GatedProvider dns = new GatedProvider(new InMemoryDnsProvider("mem", "example.com"));
    RecordingMetricRelay metrics = new RecordingMetricRelay();
    TestAssembly t = new TestAssembly(dir).source("src", source).provider("mem", dns);
    t.metrics = metrics;
    Assembly a = t.build(clock, CODEC);
    GordonRuntime rt = GordonRuntime.start(a, clock, Duration.ofMillis(10));
    assertThat(readyz(rt)).isEqualTo(200);
    for (int i = 0; i < 10; i++) {
      source.emit(msg(i));
    }
    await().until(() -> rt.router().inFlight() == 10);
    Thread closer = Thread.ofPlatform().start(rt::close);
    await().until(source::stopped);
    assertThat(closer.isAlive()).isTrue();
    assertThat(dns.inner.shutdowns()).isZero();

    dns.gate.countDown();
    closer.join(10_000);

    assertThat(closer.isAlive()).isFalse();
    assertThat(source.delivery().settlements())
        .hasSize(10)
        .allMatch(s -> s.outcome() instanceof Outcome.Applied);
    assertThat(source.shutdowns()).isEqualTo(1);
    assertThat(dns.inner.shutdowns()).isEqualTo(1);
    assertThat(metrics.cleanedUp()).isTrue();
    assertThat(rt.awaitTermination()).isZero();
  }

  private EventMessage anHourOld(String id) {
    Instant at = clock.instant().minus(Duration.ofHours(1));
    return EventMessage.create(
        id,
        DnsEvent.of(
            Action.ADDITIONS,
            at,
            List.of(RecordSet.of(id + ".example.com", RecordType.A, 300, "10.0.0.1"))),
        "consume",
        at,
        Map.of());
  }

  @Test
  void msgTooOldNamesTheSourceOrTheOriginalsPluginTheSourceStandsInFor() throws Exception {
    FakeEventSource plain = new FakeEventSource();
    FakeEventSource original =
        new FakeEventSource() {
          @Override
          public Optional<String> metricsPluginName() {
            return Optional.of("event-consumer");
          }
        };
    RecordingMetricRelay metrics = new RecordingMetricRelay();
    TestAssembly t =
        new TestAssembly(dir)
            .source("t.plain", plain)
            .source("gcp.event_consumer", original)
            .provider("mem", new InMemoryDnsProvider("mem", "example.com"));
    t.metrics = metrics;
    try (GordonRuntime rt =
        GordonRuntime.start(t.build(clock, CODEC), clock, Duration.ofMillis(10))) {
      plain.emit(anHourOld("old-1"));
      original.emit(anHourOld("old-2"));
      await().until(() -> plain.delivery().settlements().size() == 1);
      await().until(() -> original.delivery().settlements().size() == 1);
    }
    assertThat(metrics.calls("msg-too-old"))
        .extracting(c -> c.context().get("plugin"))
        .containsExactlyInAnyOrder("t.plain", "event-consumer");
  }

  @Test
  void messagesUnfinishedAtTheShutdownTimeoutAreRedelivered() throws Exception {
    FakeEventSource source = new FakeEventSource();
    GatedProvider dns = new GatedProvider(new InMemoryDnsProvider("mem", "example.com"));
    TestAssembly t = new TestAssembly(dir).source("src", source).provider("mem", dns);
    t.shutdownTimeout = Duration.ofMillis(200);
    GordonRuntime rt = GordonRuntime.start(t.build(clock, CODEC), clock, Duration.ofMillis(10));
    source.emit(msg(1), msg(2));
    await().until(() -> rt.router().inFlight() == 2);
    rt.close();
    dns.gate.countDown();

    assertThat(source.delivery().settlements())
        .extracting(s -> s.outcome())
        .containsOnly(new Outcome.Redeliver("service stopped before the message was done"));
    assertThat(source.shutdowns()).isEqualTo(1);
  }

  @Test
  void sourceWhoseRunFailsIsRestartedAndReportedUnhealthy() throws Exception {
    FakeEventSource source = new FakeEventSource();
    source.failNextRun(new IllegalStateException("broker down"));
    TestAssembly t =
        new TestAssembly(dir)
            .source("src", source)
            .provider("mem", new InMemoryDnsProvider("mem", "example.com"));
    Assembly a = t.build(clock, CODEC);
    try (GordonRuntime rt = GordonRuntime.start(a, clock, Duration.ofMillis(10))) {
      await().until(() -> source.runs() == 2);
      assertThat(a.health().summary().get("src")).endsWith(": broker down");
      source.emit(msg(1));
      source.delivery().awaitCount(1, Duration.ofSeconds(10));
      assertThat(source.delivery().outcome("m1")).isEqualTo(new Outcome.Applied());
    }
  }

  @Test
  void providerRefusingItsKeyTurnsReadyzOffWithTheReasonWhileHealthzStaysOk() throws Exception {
    FakeEventSource source = new FakeEventSource();
    InMemoryDnsProvider dns = new InMemoryDnsProvider("rfc2136", "example.com");
    dns.failChanges(
        c ->
            new io.gordon.api.ProviderException(
                "rfc2136",
                "example.com.",
                "",
                "",
                false,
                "TSIG key 'gordon' rejected by 127.0.0.1:53: BADKEY",
                null));
    Assembly a =
        new TestAssembly(dir).source("src", source).provider("rfc2136", dns).build(clock, CODEC);
    try (GordonRuntime rt = GordonRuntime.start(a, clock, Duration.ofMillis(10))) {
      assertThat(readyz(rt)).isEqualTo(200);
      source.emit(msg(1));
      source.delivery().awaitCount(1, Duration.ofSeconds(10));

      HttpResponse<String> r = get(rt, "/readyz");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body())
          .contains("rfc2136 zone example.com.: failing since ")
          .contains(": last write failed: TSIG key 'gordon' rejected by 127.0.0.1:53: BADKEY");
      assertThat(get(rt, "/healthz").statusCode()).isEqualTo(200);

      dns.failChanges(c -> null);
      source.emit(msg(2));
      source.delivery().awaitCount(2, Duration.ofSeconds(10));
      assertThat(readyz(rt)).isEqualTo(200);
    }
  }

  private static HttpResponse<String> get(GordonRuntime rt, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rt.adminPort() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static int readyz(GordonRuntime rt) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rt.adminPort() + "/readyz"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  /** Holds every apply call until the gate opens. */
  static class GatedProvider implements DnsProvider {
    final InMemoryDnsProvider inner;
    final CountDownLatch gate = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();

    GatedProvider(InMemoryDnsProvider inner) {
      this.inner = inner;
    }

    @Override
    public Set<String> zones() {
      return inner.zones();
    }

    @Override
    public List<ChangeResult> apply(List<Change> changes) {
      calls.incrementAndGet();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return inner.apply(changes);
    }

    @Override
    public Optional<RecordSet> read(String name, RecordType type) {
      return inner.read(name, type);
    }

    @Override
    public List<RecordSet> list(String zone) {
      return inner.list(zone);
    }

    @Override
    public void shutdown() {
      inner.shutdown();
    }
  }

  static Instant now() {
    return Instant.now();
  }
}
