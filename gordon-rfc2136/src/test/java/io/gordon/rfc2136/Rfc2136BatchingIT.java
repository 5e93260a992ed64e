package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.ConflictException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.testing.dns.BindServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One apply() call becomes few UPDATE messages; one bad change is isolated by bisection. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Rfc2136BatchingIT {
  private BindServer bind;

  @BeforeAll
  void start() {
    bind = BindServer.start("example.test.");
  }

  @AfterAll
  void stop() {
    bind.close();
  }

  private Rfc2136Provider provider(RecordingMetrics metrics) {
    return TestProviders.provider(
        TestProviders.settings(bind, TestProviders.key(bind)), Clock.systemUTC(), metrics);
  }

  private static List<Change> adds(String prefix, int n) {
    List<Change> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new Change.Replace(
              RecordSet.of(
                  prefix + i + ".example.test.",
                  RecordType.A,
                  300,
                  "10.1." + (i / 250) + "." + (i % 250 + 1))));
    }
    return out;
  }

  @Test
  void thousandChangesGoInTwoUpdateMessages() {
    RecordingMetrics metrics = new RecordingMetrics();
    Rfc2136Provider provider = provider(metrics);
    List<Change> changes = adds("bulk", 1000);
    List<ChangeResult> results = provider.apply(changes);
    assertThat(results).allMatch(r -> r instanceof ChangeResult.Applied);
    assertThat(metrics.updates).hasSize(2);
    assertThat(provider.read("bulk999.example.test.", RecordType.A))
        .map(RecordSet::rdata)
        .contains(List.of("10.1.3.250"));
    assertThat(provider.list("example.test."))
        .filteredOn(r -> r.name().startsWith("bulk"))
        .hasSize(1000);
    provider.shutdown();
  }

  @Test
  void oneBadChangeIsIsolatedAndAllOthersLand() {
    RecordingMetrics metrics = new RecordingMetrics();
    Rfc2136Provider provider = provider(metrics);
    provider.apply(
        List.of(
            new Change.Replace(
                RecordSet.of("taken.example.test.", RecordType.A, 300, "192.0.2.1"))));
    metrics.updates.clear();
    List<Change> changes = new ArrayList<>(adds("bisect", 200));
    changes.set(
        77,
        new Change.Replace(
            RecordSet.of("taken.example.test.", RecordType.CNAME, 300, "elsewhere.example.test.")));
    List<ChangeResult> results = provider.apply(changes);
    for (int i = 0; i < results.size(); i++) {
      if (i != 77) {
        assertThat(results.get(i)).isInstanceOf(ChangeResult.Applied.class);
      }
    }
    var failed = (ChangeResult.Failed) results.get(77);
    assertThat(failed.error())
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "taken.example.test./CNAME not added: the name already holds other records"
                + " (A 192.0.2.1) and a CNAME cannot coexist with them (YXDOMAIN from "
                + bind.hostPort()
                + ")");
    assertThat(metrics.updates.size()).isBetween(3, 1 + 2 * 8);
    assertThat(metrics.count("NOERROR")).isBetween(2L, 8L);
    provider.shutdown();
  }

  @Test
  void largeChangesAreSplitToStayUnderTheMessageSizeLimit() {
    RecordingMetrics metrics = new RecordingMetrics();
    Rfc2136Provider provider = provider(metrics);
    String chunk = "\"" + "x".repeat(200) + "\"";
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      List<String> rdata = new ArrayList<>();
      for (int j = 0; j < 10; j++) {
        rdata.add(chunk.substring(0, 190) + j + "\"");
      }
      changes.add(
          new Change.Replace(
              new RecordSet(
                  "big" + i + ".example.test.", RecordType.TXT, OptionalInt.of(300), rdata)));
    }
    assertThat(provider.apply(changes)).allMatch(r -> r instanceof ChangeResult.Applied);
    assertThat(metrics.updates.size()).isBetween(10, 20);
    provider.shutdown();
  }
}
