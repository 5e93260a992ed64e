package io.gordon.core.janitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.RecordSet;
import io.gordon.core.router.Pipeline;
import io.gordon.core.router.RouterBuilder;
import io.gordon.core.router.Settled;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The other half of the freshness rule: inside one gordon (the janitor in {@code gordon run}), a
 * janitor event stamped with the authority's observation time is skipped when a live event for the
 * same name with a newer timestamp was applied first.
 */
class FreshnessRuleTest {
  @Test
  void aJanitorEventOlderThanTheLastLiveEventForTheNameIsSkipped() throws Exception {
    InMemoryDnsProvider dns = new InMemoryDnsProvider("mem", "example.com.");
    Instant observed = Instant.parse("2026-11-30T08:00:00Z");
    RecordSet live = JanitorRunTest.a("www", "198.51.100.1");
    DnsEvent liveEvent =
        new DnsEvent(
            Optional.of("live-1"),
            Action.ADDITIONS,
            Optional.of(observed.plusSeconds(1)),
            List.of(live),
            Optional.empty(),
            "event");
    DnsEvent janitorEvent =
        JanitorEvents.event(
            new PlannedChange(
                PlannedChange.Kind.ADDITION,
                JanitorRunTest.a("www", "192.0.2.1"),
                Optional.empty()),
            observed,
            "janitor-x-1");
    List<Settled> s =
        Pipeline.runOnce(
            RouterBuilder.create()
                .provider("mem", dns)
                .deadLetters(new RecordingDeadLetterSink())
                .build(),
            List.of(message(liveEvent), message(janitorEvent)),
            Duration.ofSeconds(10));
    assertThat(s).extracting(x -> x.outcome().state()).containsExactly("applied", "skipped");
    assertThat(dns.read("www.example.com.", live.type())).contains(live);
  }

  private static EventMessage message(DnsEvent e) {
    return EventMessage.create(e.id().orElseThrow(), e, "consume", Instant.now(), Map.of());
  }
}
