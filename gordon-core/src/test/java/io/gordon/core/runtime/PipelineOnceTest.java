package io.gordon.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.HistoryEntry;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.router.Pipeline;
import io.gordon.core.router.Settled;
import io.gordon.testing.fakes.FakeEventSource;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineOnceTest {
  @TempDir Path dir;

  /** A source that is also the cleanup handler, as the original's Pub/Sub consumer. */
  static final class CleaningSource extends FakeEventSource implements MessageHandler {
    final List<String> cleaned = new CopyOnWriteArrayList<>();

    @Override
    public String phase() {
      return "cleanup";
    }

    @Override
    public EventMessage handle(EventMessage message) {
      cleaned.add(message.id() + "@" + message.phase());
      return message;
    }
  }

  @Test
  void runOnceStartsNonSourcePluginsRoutesAndShutsThemDown() throws Exception {
    CleaningSource source = new CleaningSource();
    InMemoryDnsProvider dns = new InMemoryDnsProvider("mem", "example.com");
    Clock clock = Clock.systemUTC();
    Assembly a =
        new TestAssembly(dir)
            .source("src", source)
            .provider("mem", dns)
            .build(clock, (EventCodec) null);
    EventMessage m =
        EventMessage.create(
            "m1",
            DnsEvent.of(
                Action.ADDITIONS,
                clock.instant(),
                List.of(RecordSet.of("www.example.com", RecordType.A, 300, "10.0.0.1"))),
            "consume",
            clock.instant(),
            Map.of());

    List<Settled> out = Pipeline.runOnce(a, List.of(m), Duration.ofSeconds(10));

    assertThat(out).extracting(Settled::outcome).containsExactly(new Outcome.Applied());
    assertThat(out.get(0).history())
        .extracting(HistoryEntry::message)
        .contains("published replace www.example.com./A: applied");
    assertThat(source.cleaned).containsExactly("m1@cleanup");
    assertThat(source.starts()).isZero();
    assertThat(dns.shutdowns()).isEqualTo(1);
    assertThat(dns.snapshot()).containsKey("www.example.com./A");
  }
}
