package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gordon.api.PermanentException;
import io.gordon.api.ProviderException;
import io.gordon.api.RetriableException;
import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.delivery.FileDeadLetterSink;
import io.gordon.core.delivery.RetryPolicy;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import io.gordon.testing.fakes.RecordingDelivery;
import io.gordon.testing.fakes.RecordingHandler;
import io.gordon.testing.fakes.RecordingMetricRelay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterFailureTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final Clock clock = Clock.fixed(Events.T0.plusSeconds(5), ZoneOffset.UTC);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final InMemoryDnsProvider dns = new InMemoryDnsProvider("mem", "example.com");
  private final RecordingDeadLetterSink letters = new RecordingDeadLetterSink();
  private final RecordingMetricRelay metrics = new RecordingMetricRelay();
  private final RecordingDelivery delivery = new RecordingDelivery();

  private RouterBuilder builder() {
    return RouterBuilder.create()
        .clock(clock)
        .sleeper(sleeps::add)
        .metrics(metrics)
        .provider("mem", dns)
        .deadLetters(letters)
        .retry(
            new RetryPolicy(
                3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(10)));
  }

  private Outcome run(Router router, EventMessage m) throws InterruptedException {
    router.submit(m, delivery, Duration.ZERO);
    delivery.awaitCount(1, WAIT);
    return delivery.outcome(m.id());
  }

  @Test
  void retriableErrorIsRetriedThenSucceeds() throws Exception {
    dns.failCalls(
        new RetriableException("server timeout"),
        new RetriableException("busy", null, Duration.ofSeconds(7)));
    Outcome o = run(builder().build(), Events.add("m1", "www.example.com", "10.0.0.1"));

    assertThat(o).isEqualTo(new Outcome.Applied());
    assertThat(dns.batches()).hasSize(3);
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
    assertThat(sleeps.get(1)).isEqualTo(Duration.ofSeconds(7));
    assertThat(delivery.settlement("m1").history())
        .extracting(h -> h.message())
        .anyMatch(t -> t.startsWith("attempt 1 of 3 failed: server timeout; retrying in"));
    assertThat(metrics.count(RouterMetrics.RETRIED)).isEqualTo(2);
  }

  @Test
  void exhaustedRetriesAskTheSourceToRedeliver() throws Exception {
    dns.failChanges(
        c ->
            new ProviderException(
                "mem", "example.com.", c.name(), "A", true, "503 from server", null));
    Outcome o = run(builder().build(), Events.add("m1", "www.example.com", "10.0.0.1"));

    assertThat(o)
        .isEqualTo(
            new Outcome.Redeliver("gave up after 3 attempts in phase publish: 503 from server"));
    assertThat(o.acknowledge()).isFalse();
    assertThat(letters.letters()).isEmpty();
    assertThat(metrics.calls(RouterMetrics.DROPPED))
        .extracting(c -> c.context())
        .containsExactly(Map.of("error", "ProviderException"));
  }

  @Test
  void permanentErrorIsDeadLetteredToTheFileThenAcked(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("var/dl.jsonl");
    Router router = builder().deadLetters(new FileDeadLetterSink(file, Events.CODEC)).build();
    Outcome o = run(router, Events.add("m1", "www.other.org", "10.0.0.1"));

    String reason = "record www.other.org. is in no managed zone (managed zones: example.com.)";
    assertThat(o).isEqualTo(new Outcome.DeadLettered(reason));
    assertThat(o.acknowledge()).isTrue();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(1);
    JsonNode j = new ObjectMapper().readTree(lines.get(0));
    assertThat(j.get("id").asText()).isEqualTo("m1");
    assertThat(j.get("reason").asText()).isEqualTo(reason);
    assertThat(j.get("phase").asText()).isEqualTo("publish");
    assertThat(j.get("plugin").asText()).isEqualTo("mem");
    assertThat(j.get("parkedAt").asText()).isEqualTo("2026-11-25T10:00:05Z");
    assertThat(j.get("event").get("name").asText()).isEqualTo("www.other.org.");
    assertThat(j.get("payload").isNull()).isTrue();
    assertThat(j.get("attributes").get("source").asText()).isEqualTo("test");
    assertThat(j.get("history").get(0).get("message").asText())
        .isEqualTo("Updated phase from consume to publish");
    assertThat(j.get("history").get(1).get("message").asText()).isEqualTo("failed: " + reason);
  }

  @Test
  void deadLetterWriteFailureMeansRedeliver() throws Exception {
    letters.failWith("disk full");
    Outcome o = run(builder().build(), Events.add("m1", "www.other.org", "10.0.0.1"));

    assertThat(o).isEqualTo(new Outcome.Redeliver("dead-letter sink failed: disk full"));
    assertThat(metrics.count(RouterMetrics.DEAD_LETTER_FAILED)).isEqualTo(1);
  }

  @Test
  void unexpectedExceptionIsRetriedOnceThenDeadLettered() throws Exception {
    RecordingHandler enrich =
        new RecordingHandler("enrich")
            .behave(
                m -> {
                  throw new IllegalStateException("boom");
                });
    Router router =
        builder()
            .route(Map.of("consume", "enrich", "enrich", "publish", "publish", "cleanup"))
            .handler("t.enricher", enrich)
            .build();
    Outcome o = run(router, Events.add("m1", "www.example.com", "10.0.0.1"));

    assertThat(enrich.seen()).containsExactly("m1", "m1");
    assertThat(o)
        .isEqualTo(new Outcome.DeadLettered("plugin t.enricher failed twice unexpectedly: boom"));
    assertThat(letters.letters().get(0).plugin()).isEqualTo("t.enricher");
    assertThat(letters.letters().get(0).phase()).isEqualTo("enrich");
    assertThat(
            metrics.calls().stream()
                .filter(
                    c ->
                        !c.kind().equals("set")
                            && !c.name().equals(RouterMetrics.CONSUMED)
                            && !c.name().contains("duration")
                            && !c.name().equals(RouterMetrics.RETRIED)
                            && !c.name().equals(RouterMetrics.SETTLED)
                            && !c.name().equals(RouterMetrics.DEAD_LETTERED))
                .toList())
        .extracting(c -> List.of(c.name(), c.context()))
        .containsExactly(
            List.of("router-update-message-phase", Map.of("current", "consume", "next", "enrich")),
            List.of("router-message-dropped", Map.of("error", "IllegalStateException")),
            List.of("router-update-message-phase", Map.of("current", "enrich", "next", "cleanup")));
  }

  @Test
  void retriableFailurePastTheDeadlineIsDeadLettered() throws Exception {
    dns.failCalls(new RetriableException("timeout"));
    Router router =
        builder()
            .retry(
                new RetryPolicy(
                    5, Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(3)))
            .build();
    Outcome o = run(router, Events.add("m1", "www.example.com", "10.0.0.1"));

    assertThat(o)
        .isEqualTo(
            new Outcome.DeadLettered(
                "still failing after the retry deadline"
                    + " of 3.000s (created 2026-11-25T10:00:00Z): timeout"));
  }

  @Test
  void permanentProviderResultIsDeadLettered() throws Exception {
    dns.failChanges(c -> new PermanentException("rdata refused"));
    Outcome o = run(builder().build(), Events.add("m1", "www.example.com", "10.0.0.1"));
    assertThat(o).isEqualTo(new Outcome.DeadLettered("rdata refused"));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void eventNeedingEnrichmentAtPublishIsDeadLetteredWithAdvice() throws Exception {
    Outcome o = run(builder().build(), Events.auditLog("m1", "vm-1"));
    assertThat(o)
        .isEqualTo(
            new Outcome.DeadLettered(
                "event projects/p/zones/z/instances/vm-1"
                    + " (schema audit-log) has no resource records and needs enrichment, but no enricher "
                    + "handled it before phase \"publish\" (route: consume -> publish -> cleanup); add "
                    + "gcp.enricher to core.plugins and route consume -> enrich -> publish"));
  }

  @Test
  void messageOlderThanMaxMsgAgeIsDeadLetteredAtSubmit() throws Exception {
    Router router = builder().build();
    router.submit(Events.add("m1", "www.example.com", "10.0.0.1"), delivery, Duration.ofSeconds(2));
    assertThat(delivery.outcome("m1"))
        .isEqualTo(
            new Outcome.DeadLettered("message is 5.000s old, older than max_msg_age of 2.000s"));
    assertThat(dns.batches()).isEmpty();
  }

  @Test
  void rejectedInputIsParkedWithItsPayload() throws Exception {
    Router router = builder().build();
    router.reject("raw-1", "{not json", "body is not JSON", Map.of("k", "v"), delivery);
    assertThat(delivery.outcome("raw-1")).isEqualTo(new Outcome.DeadLettered("body is not JSON"));
    assertThat(letters.letters().get(0).payload()).contains("{not json");
  }
}
