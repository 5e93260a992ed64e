package io.gordon.core.janitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gordon.api.config.PluginConfig;
import io.gordon.api.janitor.Authority;
import io.gordon.api.janitor.DesiredZone;
import io.gordon.api.janitor.Observation;
import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.events.JsonEventCodec;
import io.gordon.core.ownership.OwnershipProvider;
import io.gordon.core.ownership.OwnershipSettings;
import io.gordon.core.runtime.Assembly;
import io.gordon.core.runtime.Assembly.Named;
import io.gordon.core.runtime.HealthRegistry;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs through the apply pipeline, ownership layer and an in-memory provider. */
class JanitorRunTest {
  static final String ZONE = "example.com.";
  final InMemoryDnsProvider dns = new InMemoryDnsProvider("mem", ZONE);
  final Clock clock = Clock.systemUTC();
  @TempDir Path dir;

  /** An authority listing {@code records}; {@code meanwhile} runs inside observe(). */
  static final class Listed implements Authority {
    final List<RecordSet> records;
    final Runnable meanwhile;

    Listed(List<RecordSet> records, Runnable meanwhile) {
      this.records = records;
      this.meanwhile = meanwhile;
    }

    @Override
    public Set<String> zones() {
      return Set.of(ZONE);
    }

    @Override
    public Observation observe() {
      Observation o =
          new Observation(
              Clock.systemUTC().instant(), List.of(DesiredZone.complete(ZONE, records)));
      meanwhile.run();
      return o;
    }
  }

  JanitorReport run(List<RecordSet> desired, boolean force) throws Exception {
    return run(new Listed(desired, () -> {}), force);
  }

  JanitorReport run(Authority authority, boolean force) throws Exception {
    return run(authority, force, () -> true);
  }

  JanitorReport run(Authority authority, boolean force, BooleanSupplier mayWrite) throws Exception {
    CoreSettings s = CoreSettings.defaults(dir);
    OwnershipSettings own = OwnershipSettings.defaults();
    DnsProvider wrapped =
        OwnershipProvider.wrap(
            dns,
            new OwnershipSettings(
                true, "gordon", List.of(), List.of(), 1.0, 10, Duration.ofMinutes(10)),
            clock,
            new OwnershipProvider.Breaker() {
              @Override
              public void tripped(String reason) {}

              @Override
              public void cleared() {}
            });
    PluginConfig none = new PluginConfig("x", Map.of());
    Assembly a =
        new Assembly(
            s,
            List.of(),
            List.of(),
            List.of(new Named<>("mem", wrapped, none)),
            MetricRelay.noop(),
            Optional.empty(),
            new JsonEventCodec(s.events()),
            new HealthRegistry(clock, Duration.ofSeconds(30)),
            List.of(new Named<GordonPlugin>("mem", wrapped, none)));
    return new JanitorRun(
            a,
            List.of(new Named<GordonPlugin>("inventory", authority, none)),
            OwnershipRules.of(own),
            clock,
            Duration.ofSeconds(30),
            mayWrite)
        .run(new JanitorRun.Options(false, force, false));
  }

  static RecordSet a(String name, String ip) {
    return RecordSet.of(name + "." + ZONE, RecordType.A, 300, ip);
  }

  Optional<RecordSet> live(String name) {
    return dns.read(name + "." + ZONE, RecordType.A);
  }

  Optional<RecordSet> marker(String name) {
    return dns.read(OwnerMarker.nameFor(name + "." + ZONE, RecordType.A, ZONE), RecordType.TXT);
  }

  void handMade(RecordSet r) {
    dns.apply(List.of(new Change.Replace(r)));
  }

  @Test
  void missingRecordsAreAddedWithTheirMarker() throws Exception {
    JanitorReport r = run(List.of(a("www", "192.0.2.1")), false);
    assertThat(r.exitStatus()).isZero();
    assertThat(r.sent()).extracting(Sent::state).containsExactly("applied");
    assertThat(live("www")).contains(a("www", "192.0.2.1"));
    assertThat(marker("www")).isPresent();
  }

  @Test
  void aRunThatLostTheJanitorLeaseBeforeWritingChangesNothing() throws Exception {
    JanitorReport r = run(new Listed(List.of(a("www", "192.0.2.1")), () -> {}), false, () -> false);
    assertThat(r.exitStatus()).isEqualTo(JanitorReport.FAILED);
    assertThat(r.sent())
        .extracting(Sent::state, Sent::reason)
        .containsExactly(
            tuple(
                "not-sent",
                "the janitor lease was lost before this write (another instance runs the "
                    + "janitor now); not sent"));
    assertThat(r.errors())
        .containsExactly(
            "the janitor lease was lost before this write "
                + "(another instance runs the janitor now); not sent");
    assertThat(live("www")).isEmpty();
  }

  @Test
  void aRecordDeletedByHandComesBack() throws Exception {
    run(List.of(a("www", "192.0.2.1")), false);
    dns.apply(List.of(new Change.Remove(a("www", "192.0.2.1"))));
    assertThat(run(List.of(a("www", "192.0.2.1")), false).exitStatus()).isZero();
    assertThat(live("www")).contains(a("www", "192.0.2.1"));
  }

  @Test
  void aRecordNoLongerDesiredIsDeletedWithItsMarker() throws Exception {
    run(List.of(a("www", "192.0.2.1"), a("old", "192.0.2.9")), false);
    JanitorReport r = run(List.of(a("www", "192.0.2.1")), false);
    assertThat(r.plan().count(PlannedChange.Kind.DELETION)).isEqualTo(1);
    assertThat(r.exitStatus()).isZero();
    assertThat(live("old")).isEmpty();
    assertThat(marker("old")).isEmpty();
    assertThat(live("www")).isPresent();
  }

  @Test
  void aHandMadeRecordIsLeftAloneEvenWhenTheAuthorityListsIt() throws Exception {
    handMade(a("mail", "192.0.2.25"));
    handMade(a("www", "192.0.2.80"));
    JanitorReport r = run(List.of(a("www", "192.0.2.1"), a("api", "192.0.2.2")), false);
    assertThat(r.exitStatus()).isZero();
    assertThat(live("mail")).contains(a("mail", "192.0.2.25"));
    assertThat(live("www")).contains(a("www", "192.0.2.80"));
    assertThat(r.plan().zones().get(0).notes())
        .containsExactly(
            "www.example.com./A: left"
                + " alone, it exists and is owned by none (this gordon is 'gordon'); --adopt takes it"
                + " over");
  }

  @Test
  void anEmptyAuthorityDeletesNothing() throws Exception {
    run(List.of(a("www", "192.0.2.1")), false);
    JanitorReport r = run(List.of(), false);
    assertThat(r.sent()).isEmpty();
    assertThat(live("www")).isPresent();
  }

  @Test
  void aFailingAuthorityChangesNothingAndFailsTheRun() throws Exception {
    run(List.of(a("www", "192.0.2.1")), false);
    JanitorReport r =
        run(
            new Listed(
                List.of(),
                () -> {
                  throw new io.gordon.api.RetriableException("compute: 500 backendError");
                }),
            false);
    assertThat(r.exitStatus()).isEqualTo(JanitorReport.FAILED);
    assertThat(r.plan().errors())
        .containsExactly(
            "inventory: the authority failed, nothing is"
                + " changed in its zones (example.com.): compute: 500 backendError");
    assertThat(live("www")).isPresent();
  }

  @Test
  void theGuardTripsAtItsThresholdAndForcePassesIt() throws Exception {
    List<RecordSet> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ten.add(a("h" + i, "192.0.2." + (i + 1)));
    }
    run(ten, false);
    JanitorReport tripped = run(ten.subList(0, 6), false);
    assertThat(tripped.exitStatus()).isEqualTo(JanitorReport.GUARD);
    assertThat(tripped.plan().zones().get(0).guard())
        .contains(
            "deletion guard tripped for"
                + " zone example.com.: 4 of 10 owned record sets (40.0%) would be deleted, above"
                + " delete_threshold 30.0% (min_records 10); no deletions were made in this zone"
                + " (gordon janitor --dry-run --force lists them; --force overrides once)");
    assertThat(live("h9")).isPresent();
    JanitorReport forced = run(ten.subList(0, 6), true);
    assertThat(forced.exitStatus()).isZero();
    assertThat(live("h9")).isEmpty();
    assertThat(run(ten.subList(0, 7), false).exitStatus()).isZero();
  }

  @Test
  void aLiveChangeAfterTheJanitorsReadIsNotUndone() throws Exception {
    run(List.of(a("www", "192.0.2.1"), a("old", "192.0.2.9")), false);
    // While the authority lists, live events re-point "old" and create "new" (claimed, as the
    // service's ownership layer writes them): the janitor's plan is based on the earlier read.
    Runnable liveEvents =
        () -> {
          dns.apply(
              List.of(
                  new Change.Replace(a("old", "198.51.100.9"))
                      .withOwnership(io.gordon.api.model.Ownership.of("gordon"))));
          dns.apply(
              List.of(
                  new Change.Replace(a("new", "198.51.100.7"))
                      .withOwnership(io.gordon.api.model.Ownership.of("gordon"))));
        };
    JanitorReport r =
        run(new Listed(List.of(a("www", "192.0.2.1"), a("new", "192.0.2.7")), liveEvents), false);
    assertThat(r.plan().zones().get(0).changes())
        .extracting(PlannedChange::kind)
        .containsExactly(PlannedChange.Kind.ADDITION, PlannedChange.Kind.DELETION);
    assertThat(live("old")).contains(a("old", "198.51.100.9"));
    assertThat(live("new")).contains(a("new", "198.51.100.7"));
    assertThat(r.sent()).extracting(Sent::state).containsOnly("dead-lettered");
    assertThat(r.exitStatus()).isEqualTo(JanitorReport.FAILED);
  }
}
