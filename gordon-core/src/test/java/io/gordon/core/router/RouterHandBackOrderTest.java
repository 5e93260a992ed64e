package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.RetriableException;
import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.delivery.RetryPolicy;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import io.gordon.testing.fakes.RecordingDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A message handed back to its source (redeliver) comes back after later messages for its name were
 * applied: acceptance pass 4 found Knot's versions going back (v6 applied, then the handed-back v5
 * over it) after a server restart, for events without a timestamp.
 */
class RouterHandBackOrderTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final InMemoryDnsProvider dns = new InMemoryDnsProvider("mem", "example.com");
  private final RecordingDelivery delivery = new RecordingDelivery();
  private final Router router =
      RouterBuilder.create()
          .clock(Clock.fixed(Events.T0.plusSeconds(10), ZoneOffset.UTC))
          .sleeper(d -> {})
          .provider("mem", dns)
          .deadLetters(new RecordingDeadLetterSink())
          .retry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(10)))
          .build();

  /** An event without a timestamp, received (created) {@code second} seconds after T0. */
  private static EventMessage version(String id, RecordType type, String rdata, int second) {
    DnsEvent e =
        DnsEvent.of(
            Action.ADDITIONS, null, List.of(RecordSet.of("www.example.com", type, 300, rdata)));
    return EventMessage.create(id, e, "consume", Events.T0.plusSeconds(second), Map.of());
  }

  /** {@code m} fails retriably and is handed back to its source. */
  private void handBack(EventMessage m) throws InterruptedException {
    dns.failCalls(new RetriableException("server restarting"));
    settled(m);
  }

  /** {@code m} is received and settled. */
  private void settled(EventMessage m) throws InterruptedException {
    int before = delivery.settlements().size();
    router.submit(m, delivery, Duration.ZERO);
    delivery.awaitCount(before + 1, WAIT);
  }

  /** {@code m} comes back from its source. */
  private void returns(EventMessage m) throws InterruptedException {
    int before = delivery.settlements().size();
    router.resubmit(m, delivery);
    delivery.awaitCount(before + 1, WAIT);
  }

  @Test
  void handedBackMessageThatReturnsAfterALaterOneForItsNameWasAppliedIsSkippedAsStale()
      throws Exception {
    EventMessage v5 = version("v5", RecordType.A, "10.0.0.5", 5);
    handBack(v5);
    settled(version("v6", RecordType.A, "10.0.0.6", 6));
    returns(v5);

    assertThat(delivery.settlements())
        .extracting(s -> s.outcome())
        .containsExactly(
            new Outcome.Redeliver("gave up after 1 attempts in phase publish: server restarting"),
            new Outcome.Applied(),
            new Outcome.Skipped(
                "stale: www.example.com./A (received before message v6, which was applied"
                    + " since)"));
    assertThat(dns.snapshot().get("www.example.com./A").rdata()).containsExactly("10.0.0.6");
  }

  @Test
  void handedBackMessageWithNothingLaterAppliedIsAppliedWhenItReturns() throws Exception {
    EventMessage v5 = version("v5", RecordType.A, "10.0.0.5", 5);
    handBack(v5);
    settled(version("aaaa", RecordType.AAAA, "2001:db8::6", 6));
    returns(v5);

    assertThat(delivery.settlements().get(2).messageId()).isEqualTo("v5");
    assertThat(delivery.settlements().get(2).outcome()).isEqualTo(new Outcome.Applied());
    assertThat(dns.snapshot().get("www.example.com./A").rdata()).containsExactly("10.0.0.5");
  }

  // Two producers whose clocks disagree (Kafka's record timestamps are the producers'): what
  // decides is the order in which gordon received their messages.

  @Test
  void aMessageReceivedLaterFromAProducerWhoseClockIsBehindIsApplied() throws Exception {
    handBack(version("v5", RecordType.A, "10.0.0.5", 5)); // the name has had a failure
    settled(version("v6", RecordType.A, "10.0.0.6", 6));

    settled(version("v7", RecordType.A, "10.0.0.7", 3));

    assertThat(delivery.settlements().get(2).outcome()).isEqualTo(new Outcome.Applied());
    assertThat(dns.snapshot().get("www.example.com./A").rdata()).containsExactly("10.0.0.7");
  }

  @Test
  void aHandedBackMessageFromAProducerWhoseClockIsAheadDoesNotUndoALaterReceivedOne()
      throws Exception {
    EventMessage v5 = version("v5", RecordType.A, "10.0.0.5", 9);
    handBack(v5);
    settled(version("v6", RecordType.A, "10.0.0.6", 6));

    returns(v5);

    assertThat(delivery.settlements().get(2).outcome())
        .isEqualTo(
            new Outcome.Skipped(
                "stale: www.example.com./A (received before message v6, which was applied"
                    + " since)"));
    assertThat(dns.snapshot().get("www.example.com./A").rdata()).containsExactly("10.0.0.6");
  }
}
