package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.OwnershipException;
import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.testing.dns.BindServer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A writer that changes the marker between gordon's read and gordon's UPDATE: the marker as read is
 * a prerequisite, so BIND refuses the whole message and the record stays as the other writer left
 * it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Rfc2136OwnershipRaceIT {
  private static final String ZONE = "example.test.";
  private BindServer bind;
  private Rfc2136Provider provider;

  @BeforeAll
  void start() {
    bind = BindServer.start(ZONE);
    provider = TestProviders.provider(bind);
  }

  @AfterAll
  void stop() {
    provider.shutdown();
    bind.close();
  }

  /** Runs {@code change} through a batch whose marker read is followed by {@code race}. */
  private ChangeResult applyRacing(Change change, Runnable race) {
    Rfc2136Settings settings = TestProviders.settings(bind, TestProviders.key(bind));
    BiFunction<String, RecordType, Optional<RecordSet>> reader =
        (name, type) -> {
          Optional<RecordSet> live = provider.read(name, type);
          if (OwnerMarker.isReserved(name)) {
            race.run();
          }
          return live;
        };
    Rfc2136Client client = new Rfc2136Client(settings, Clock.systemUTC());
    UpdateSender sender =
        new UpdateSender(
            settings,
            client,
            new Conflicts(settings, provider::read, n -> "records"),
            System.getLogger("test"),
            MetricRelay.noop(),
            new HealthReporter() {
              @Override
              public void healthy() {}

              @Override
              public void unhealthy(String reason) {}
            });
    ChangeResult[] results = new ChangeResult[1];
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      new ZoneBatch(ZONE, List.of(change), List.of(0), settings, sender, reader)
          .run(executor, new Semaphore(1), results)
          .join();
    }
    return results[0];
  }

  @Test
  void markerTakenOverBetweenReadAndUpdateMakesTheRemovalFailAndChangesNothing() {
    String n = "race-del." + ZONE;
    Ownership gordon = Ownership.of("gordon");
    assertThat(
            provider
                .apply(
                    List.of(
                        new Change.Replace(RecordSet.of(n, RecordType.A, 300, "192.0.2.1"))
                            .withOwnership(gordon)))
                .get(0))
        .isInstanceOf(ChangeResult.Applied.class);
    RecordSet theirs = new OwnerMarker("team-b", n, RecordType.A).recordSet(ZONE, 300);
    ChangeResult r =
        applyRacing(
            new Change.Remove(RecordSet.of(n, RecordType.A, List.of())).withOwnership(gordon),
            () -> TestProviders.writeExternally(bind, theirs));
    assertThat(((ChangeResult.Failed) r).error())
        .isInstanceOf(OwnershipException.class)
        .hasMessage(
            n + " A exists and is owned by 'team-b' (this gordon is 'gordon'); not" + " changed");
    assertThat(provider.read(n, RecordType.A).orElseThrow().rdata()).containsExactly("192.0.2.1");
    assertThat(provider.read(theirs.name(), RecordType.TXT)).contains(theirs);
  }

  @Test
  void recordCreatedBetweenReadAndUpdateIsNotOverwritten() {
    String n = "race-add." + ZONE;
    RecordSet handMade = RecordSet.of(n, RecordType.CNAME, 300, "elsewhere.example.net.");
    // a CNAME replacement reads the live CNAME and the marker (concurrently); the hand-made
    // CNAME lands right after the marker read, so either the CNAME read or the UPDATE's
    // prerequisites see it
    ChangeResult r =
        applyRacing(
            new Change.Replace(RecordSet.of(n, RecordType.CNAME, 300, "target.example.test."))
                .withOwnership(Ownership.of("gordon")),
            () -> TestProviders.writeExternally(bind, handMade));
    assertThat(((ChangeResult.Failed) r).error())
        .isInstanceOf(OwnershipException.class)
        .hasMessage(
            n + " CNAME exists and is owned by none (this gordon is 'gordon'); not" + " changed");
    assertThat(provider.read(n, RecordType.CNAME)).contains(handMade);
  }
}
