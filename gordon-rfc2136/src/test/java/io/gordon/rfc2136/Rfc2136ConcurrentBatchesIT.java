package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.OwnershipException;
import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.testing.dns.BindServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Many {@code apply} calls of one zone at once, as the core makes them when the provider allows
 * {@code max_batches_in_flight} > 1 (never two running calls with the same name for one gordon),
 * and two gordons with different owner ids claiming the same names at once: the zone ends exactly
 * as the results say, with one marker per record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Rfc2136ConcurrentBatchesIT {
  private static final String ZONE = "example.test.";
  private static final int BATCHES_IN_FLIGHT = 4;
  private BindServer bind;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @BeforeAll
  void start() {
    bind = BindServer.start(ZONE);
  }

  @AfterAll
  void stop() {
    threads.shutdownNow();
    bind.close();
  }

  private Rfc2136Provider provider() {
    Rfc2136Settings s = TestProviders.settings(bind, TestProviders.key(bind));
    return TestProviders.provider(
        new Rfc2136Settings(
            s.plugin(),
            s.server(),
            s.zones(),
            s.tsig(),
            Duration.ofSeconds(10),
            s.tcp(),
            300,
            s.maxChangesPerUpdate(),
            s.maxUpdatesInFlight(),
            BATCHES_IN_FLIGHT));
  }

  /** Runs every batch at once, at most {@code maxConcurrentApplies()} calls of each provider. */
  private List<List<ChangeResult>> applyAll(List<Rfc2136Provider> providers, List<List<Change>> b) {
    List<Semaphore> slots =
        providers.stream().map(p -> new Semaphore(p.maxConcurrentApplies())).toList();
    List<CompletableFuture<List<ChangeResult>>> calls = new ArrayList<>();
    for (int k = 0; k < b.size(); k++) {
      int p = k % providers.size();
      List<Change> batch = b.get(k);
      calls.add(
          CompletableFuture.supplyAsync(
              () -> {
                slots.get(p).acquireUninterruptibly();
                try {
                  return providers.get(p).apply(batch);
                } finally {
                  slots.get(p).release();
                }
              },
              threads));
    }
    return calls.stream().map(CompletableFuture::join).toList();
  }

  private static Change claim(String name, String address, String owner) {
    return new Change.Replace(RecordSet.of(name, RecordType.A, 300, address))
        .withOwnership(Ownership.of(owner));
  }

  private static String address(int k, int i) {
    return "10." + k + "." + (i / 250) + "." + (i % 250 + 1);
  }

  private static RecordSet marker(String name, String owner) {
    return new OwnerMarker(owner, name, RecordType.A).recordSet(ZONE, 300);
  }

  /** The zone's RRsets of names starting with {@code prefix}, and their markers. */
  private Set<RecordSet> zone(Rfc2136Provider p, String prefix) {
    return p.list(ZONE).stream()
        .filter(r -> r.name().startsWith(prefix) || r.name().startsWith("_gordon-a-" + prefix))
        .collect(Collectors.toSet());
  }

  @Test
  void concurrentBatchesOfCreatesReplacementsAndRemovalsEndWithExactlyTheExpectedZone() {
    Rfc2136Provider p = provider();
    int batches = 24;
    int size = 250;
    List<List<Change>> creates = new ArrayList<>();
    List<List<Change>> second = new ArrayList<>();
    Set<RecordSet> expected = new HashSet<>();
    for (int k = 0; k < batches; k++) {
      List<Change> c = new ArrayList<>();
      List<Change> s = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        String name = "w" + k + "-" + i + "." + ZONE;
        c.add(claim(name, address(k, i), "team-a"));
        if (i % 4 == 1) {
          s.add(
              new Change.Remove(RecordSet.of(name, RecordType.A, List.of()))
                  .withOwnership(Ownership.of("team-a")));
          continue;
        }
        String last = address(k, i);
        if (i % 2 == 0) {
          last = address(100 + k, i);
          s.add(claim(name, last, "team-a"));
        }
        expected.add(RecordSet.of(name, RecordType.A, 300, last));
        expected.add(marker(name, "team-a"));
      }
      creates.add(c);
      second.add(s);
    }
    List<List<ChangeResult>> first = applyAll(List.of(p), creates);
    assertThat(first)
        .allSatisfy(r -> assertThat(r).allMatch(ChangeResult.Applied.class::isInstance));
    List<List<ChangeResult>> then = applyAll(List.of(p), second);
    assertThat(then)
        .allSatisfy(r -> assertThat(r).allMatch(ChangeResult.Applied.class::isInstance));
    assertThat(zone(p, "w")).containsExactlyInAnyOrderElementsOf(expected);
    p.shutdown();
  }

  @Test
  void twoGordonsClaimingTheSameNamesAtOnceLeaveEachNameToExactlyOneOwner() {
    Rfc2136Provider a = provider();
    Rfc2136Provider b = provider();
    int names = 400;
    int size = 50;
    List<List<Change>> batches = new ArrayList<>();
    for (int start = 0; start < names; start += size) {
      List<Change> ofA = new ArrayList<>();
      List<Change> ofB = new ArrayList<>();
      for (int i = start; i < start + size; i++) {
        ofA.add(claim("c" + i + "." + ZONE, address(1, i), "team-a"));
        // team-b claims the same names at the same moment, each with its own address
        ofB.add(claim("c" + i + "." + ZONE, address(2, i), "team-b"));
      }
      batches.add(ofA);
      batches.add(ofB);
    }
    List<List<ChangeResult>> results = applyAll(List.of(a, b), batches);
    Set<RecordSet> expected = new HashSet<>();
    Set<String> won = new HashSet<>();
    for (int k = 0; k < batches.size(); k++) {
      String owner = k % 2 == 0 ? "team-a" : "team-b";
      String other = k % 2 == 0 ? "team-b" : "team-a";
      for (ChangeResult r : results.get(k)) {
        String name = r.change().name();
        if (r instanceof ChangeResult.Applied) {
          assertThat(won.add(name)).as("%s applied by both gordons", name).isTrue();
          expected.add(r.change().records());
          expected.add(marker(name, owner));
        } else {
          assertThat(((ChangeResult.Failed) r).error())
              .isInstanceOf(OwnershipException.class)
              .hasMessage(
                  name
                      + " A exists and is owned by '"
                      + other
                      + "' (this gordon is '"
                      + owner
                      + "'); not changed");
        }
      }
    }
    assertThat(won).hasSize(names);
    assertThat(zone(a, "c")).containsExactlyInAnyOrderElementsOf(expected);
    a.shutdown();
    b.shutdown();
  }
}
