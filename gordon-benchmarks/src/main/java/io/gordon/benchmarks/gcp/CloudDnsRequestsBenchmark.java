package io.gordon.benchmarks.gcp;

import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.events.JsonEventCodec;
import io.gordon.testing.fakes.FakePluginContext;
import io.gordon.testing.gcp.FakeGoogleApis;
import io.gordon.testing.gcp.FakeGoogleApis.RecordedRequest;
import io.gordon.testing.gcp.FakeGoogleApis.Route;
import io.gordon.testing.gcp.FakeRrset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * API requests {@code gcp.publisher} makes per 1,000 events against the fake Cloud DNS (issue 11:
 * at most 10), counted from the fake's request log, start-up included. A zone holding {@code
 * existing} record sets gets {@code events} changes (half new names, a quarter replacements, a
 * quarter deletions) in calls of {@code batch} changes, as the router's publish stage hands them
 * over; with and without ownership claims (a claimed change also writes its owner marker; the
 * existing record sets then carry markers of this owner, as after {@code gordon janitor --adopt}).
 * Two workloads: {@code distinct}, every change a different name (events about distinct VMs), and
 * {@code churn}, where each name added is replaced and removed again within the same call (VMs that
 * live shorter than a batch), so the changes to it cancel out. Not timed: the figure is a count.
 *
 * <p>Command: {@code gordon-benchmarks/gcp-requests-benchmark.sh [events] [existing]}, defaults
 * {@code 10000 5000}.
 */
public final class CloudDnsRequestsBenchmark {
  private static final String PROJECT = "bench-project";
  private static final String ZONE = "example.com.";

  private CloudDnsRequestsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int existing = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    System.out.printf(
        "%-8s %-9s %-9s %8s %10s %12s  %s%n",
        "batch", "claims", "names", "events", "requests", "per 1,000", "by route");
    for (boolean churn : new boolean[] {false, true}) {
      for (boolean claimed : new boolean[] {false, true}) {
        for (int batch : new int[] {100, 500, 1000}) {
          run(events, existing, batch, claimed, churn);
        }
      }
    }
  }

  private static void run(int events, int existing, int batch, boolean claimed, boolean churn) {
    try (FakeGoogleApis api = FakeGoogleApis.start()) {
      api.dns().addZone(PROJECT, "example-com", ZONE);
      api.dns().setQuota(PROJECT, "rrsetsPerManagedZone", 100_000); // markers double the sets
      for (int i = 0; i < existing; i++) {
        api.dns()
            .put(
                PROJECT,
                "example-com",
                new FakeRrset("h" + i + "." + ZONE, "A", 300, List.of(address(i))));
        if (claimed) {
          api.dns().put(PROJECT, "example-com", marker("h" + i + "." + ZONE));
        }
      }
      api.reset();
      DnsProvider p = provider(api);
      p.start();
      for (int from = 0; from < events; from += batch) {
        check(p.apply(changes(from, Math.min(batch, events - from), existing, claimed, churn)));
      }
      p.shutdown();
      List<RecordedRequest> log = api.requests();
      Map<Route, Integer> byRoute = new EnumMap<>(Route.class);
      log.forEach(r -> byRoute.merge(r.route(), 1, Integer::sum));
      System.out.printf(
          "%-8d %-9s %-9s %8d %10d %12.1f  %s%n",
          batch,
          claimed ? "owner" : "none",
          churn ? "churn" : "distinct",
          events,
          log.size(),
          log.size() * 1000.0 / events,
          byRoute);
    }
  }

  /**
   * Changes {@code from}.. : even numbers add a new name; odd ones replace (i % 4 == 1) or delete
   * (i % 4 == 3) an existing one, each a different name, or with {@code churn} the name added by
   * change i - i % 4 of the same call. Every change passes the ownership check: the existing names
   * carry this owner's markers, and the churned ones were claimed by the call itself.
   */
  private static List<Change> changes(
      int from, int n, int existing, boolean claimed, boolean churn) {
    List<Change> out = new ArrayList<>(n);
    for (int i = from; i < from + n; i++) {
      String created = "n" + (i - i % 4) + "." + ZONE;
      String old = churn ? created : "h" + (i / 2) % existing + "." + ZONE;
      Change c =
          switch (i % 4) {
            case 1 -> new Change.Replace(RecordSet.of(old, RecordType.A, 300, address(i + 1)));
            case 3 -> new Change.Remove(RecordSet.of(old, RecordType.A, List.of()));
            default ->
                new Change.Replace(
                    RecordSet.of("n" + i + "." + ZONE, RecordType.A, 300, address(i)));
          };
      out.add(claimed ? c.withOwnership(Ownership.of("gordon")) : c);
    }
    return out;
  }

  private static DnsProvider provider(FakeGoogleApis api) {
    PluginFactory f =
        ServiceLoader.load(PluginFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(x -> x.name().equals("gcp.publisher"))
            .findFirst()
            .orElseThrow();
    return (DnsProvider)
        f.create(
            FakePluginContext.of(
                "gcp.publisher",
                f.configSpec(),
                Map.of(
                    "project",
                    PROJECT,
                    "dns_zone",
                    ZONE,
                    "endpoint",
                    api.rootUrl(),
                    "anonymous",
                    true,
                    "api_retry_delay",
                    java.time.Duration.ofMillis(1)),
                Clock.systemUTC(),
                Path.of("."),
                new JsonEventCodec(new CoreSettings.Events(60, 86400))));
  }

  private static void check(List<ChangeResult> results) {
    for (ChangeResult r : results) {
      if (r instanceof ChangeResult.Failed f) {
        throw new IllegalStateException(
            r.change().records().key() + " failed: " + f.error().getMessage(), f.error());
      }
    }
  }

  /** The marker of this owner for the A record at {@code name}. */
  private static FakeRrset marker(String name) {
    return new FakeRrset(
        OwnerMarker.nameFor(name, RecordType.A, ZONE),
        "TXT",
        300,
        List.of(new OwnerMarker("gordon", name, RecordType.A).rdata()));
  }

  private static String address(long i) {
    return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
  }
}
