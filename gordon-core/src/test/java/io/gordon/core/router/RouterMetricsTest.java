package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import io.gordon.testing.fakes.RecordingDelivery;
import io.gordon.testing.fakes.RecordingMetricRelay;
import io.gordon.testing.fakes.RecordingMetricRelay.Call;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterMetricsTest {
  private static final Set<String> ORIGINAL =
      Set.of(
          RouterMetrics.CONSUMED,
          RouterMetrics.IN_FLIGHT,
          RouterMetrics.FLIGHT_DURATION,
          RouterMetrics.UPDATE_PHASE,
          RouterMetrics.COMPLETED,
          RouterMetrics.DROPPED);

  @Test
  void oneMessageOnTheFullRouteEmitsTheOriginalRouterMetrics() throws Exception {
    RecordingMetricRelay metrics = new RecordingMetricRelay();
    Router router =
        RouterBuilder.create()
            .metrics(metrics)
            .route(Map.of("consume", "enrich", "enrich", "publish", "publish", "cleanup"))
            .handler("t.enricher", new io.gordon.testing.fakes.RecordingHandler("enrich"))
            .provider("mem", new InMemoryDnsProvider("mem", "example.com"))
            .deadLetters(new RecordingDeadLetterSink())
            .build();
    RecordingDelivery delivery = new RecordingDelivery();
    router.submit(Events.add("m1", "www.example.com", "10.0.0.1"), delivery, Duration.ZERO);
    delivery.awaitCount(1, Duration.ofSeconds(10));

    List<Call> calls = metrics.calls().stream().filter(c -> ORIGINAL.contains(c.name())).toList();
    assertThat(calls)
        .extracting(c -> List.of(c.kind(), c.name(), c.context()))
        .containsExactly(
            List.of("incr", "router-message-consumed", Map.of()),
            List.of("set", "router-messages-in-flight", Map.of()),
            List.of(
                "incr",
                "router-update-message-phase",
                Map.of("current", "consume", "next", "enrich")),
            List.of(
                "incr",
                "router-update-message-phase",
                Map.of("current", "enrich", "next", "publish")),
            List.of(
                "incr",
                "router-update-message-phase",
                Map.of("current", "publish", "next", "cleanup")),
            List.of("incr", "router-message-completed", Map.of()),
            List.of("timing", "router-message-flight-duration", Map.of("unit", "seconds")),
            List.of("set", "router-messages-in-flight", Map.of()));
    assertThat(metrics.calls(RouterMetrics.IN_FLIGHT))
        .extracting(Call::value)
        .containsExactly(1.0, 0.0);
    assertThat(metrics.calls(RouterMetrics.PHASE_DURATION))
        .extracting(Call::context)
        .containsExactly(
            Map.of("phase", "enrich", "unit", "seconds"),
            Map.of("phase", "publish", "unit", "seconds"));
  }

  @Test
  void operatorMetricsCountOutcomesProviderCallsErrorsAndDeadLetterReasons() throws Exception {
    RecordingMetricRelay metrics = new RecordingMetricRelay();
    InMemoryDnsProvider dns = new InMemoryDnsProvider("mem", "example.com");
    dns.failChanges(
        c ->
            c.name().startsWith("bad.")
                ? new io.gordon.api.PermanentException("rdata refused")
                : null);
    Router router =
        RouterBuilder.create()
            .metrics(metrics)
            .provider("mem", dns)
            .deadLetters(new RecordingDeadLetterSink())
            .build();
    RecordingDelivery delivery = new RecordingDelivery();
    router.submit(Events.add("ok", "www.example.com", "10.0.0.1"), delivery, Duration.ZERO);
    delivery.awaitCount(1, Duration.ofSeconds(10));
    router.submit(Events.add("bad", "bad.example.com", "10.0.0.1"), delivery, Duration.ZERO);
    router.submit(Events.add("out", "www.elsewhere.org", "10.0.0.1"), delivery, Duration.ZERO);
    delivery.awaitCount(3, Duration.ofSeconds(10));

    assertThat(metrics.calls(RouterMetrics.SETTLED))
        .extracting(Call::context)
        .containsOnly(Map.of("outcome", "applied"), Map.of("outcome", "dead-lettered"))
        .hasSize(3);
    assertThat(metrics.calls(RouterMetrics.DEAD_LETTERED))
        .extracting(Call::context)
        .containsOnly(Map.of("phase", "publish", "reason", "permanent-error"));
    assertThat(metrics.calls(RouterMetrics.PROVIDER_CALLS))
        .extracting(Call::context)
        .containsOnly(Map.of("provider", "mem", "zone", "example.com."));
    assertThat(metrics.calls(RouterMetrics.PROVIDER_ERRORS))
        .extracting(Call::context)
        .containsExactly(
            Map.of(
                "provider",
                "mem",
                "zone",
                "example.com.",
                "kind",
                "permanent",
                "error",
                "PermanentException"));
    assertThat(metrics.calls(RouterMetrics.PROVIDER_DURATION)).hasSize(2);
    assertThat(metrics.calls(RouterMetrics.LANES)).isNotEmpty();
    assertThat(metrics.calls(RouterMetrics.FLIGHT_DURATION)).hasSize(3);
  }

  @Test
  void eachChangeGoesToTheProviderWhoseZoneHoldsIt() throws Exception {
    InMemoryDnsProvider outer = new InMemoryDnsProvider("outer", "example.com");
    InMemoryDnsProvider inner = new InMemoryDnsProvider("inner", "corp.example.com");
    Router router =
        RouterBuilder.create()
            .provider("outer", outer)
            .provider("inner", inner)
            .deadLetters(new RecordingDeadLetterSink())
            .build();
    RecordingDelivery delivery = new RecordingDelivery();
    router.submit(Events.add("a", "www.example.com", "10.0.0.1"), delivery, Duration.ZERO);
    router.submit(Events.add("b", "db.corp.example.com", "10.0.0.2"), delivery, Duration.ZERO);
    delivery.awaitCount(2, Duration.ofSeconds(10));

    assertThat(outer.snapshot()).containsOnlyKeys("www.example.com./A");
    assertThat(inner.snapshot()).containsOnlyKeys("db.corp.example.com./A");
  }

  @Test
  void pipelineOnceReturnsEachOutcomeInInputOrder() throws Exception {
    Router router =
        RouterBuilder.create()
            .provider("mem", new InMemoryDnsProvider("mem", "example.com"))
            .deadLetters(new RecordingDeadLetterSink())
            .build();
    List<Settled> out =
        Pipeline.runOnce(
            router,
            List.of(
                Events.add("a", "www.example.com", "10.0.0.1"),
                Events.add("b", "www.elsewhere.org", "10.0.0.2"),
                Events.add("a", "www.example.com", "10.0.0.1")),
            Duration.ofSeconds(10));

    assertThat(out)
        .extracting(s -> s.messageId() + " " + s.outcome().state())
        .containsExactly("a applied", "b dead-lettered", "a skipped");
    assertThat(out.get(0).history())
        .extracting(h -> h.message())
        .containsExactly(
            "Updated phase from consume to publish",
            "published replace www.example.com./A: applied",
            "Updated phase from publish to cleanup",
            "outcome: applied");
    assertThat(router.stopping()).isTrue();
  }
}
