package io.gordon.gcp.janitor;

import io.gordon.api.PermanentException;
import io.gordon.api.RetriableException;
import io.gordon.api.janitor.Authority;
import io.gordon.api.janitor.DesiredZone;
import io.gordon.api.janitor.Observation;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.MetricTimer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The original's GCE authority, with its bugs fixed (gordon.md 2.12): one A record {@code
 * <instance>.<dns_zone>} per instance with an external address, from every project (Resource
 * Manager's ACTIVE ones, or the whitelist, minus the blacklist, which now applies to the whitelist
 * too), listed concurrently but at most {@code max_concurrent_projects} at once (the original
 * listed all at once). A project answering 403, 404 or 410 is skipped (deleted or inaccessible);
 * any other failure fails the observation, so a partial view never deletes. An instance name found
 * in several projects gives one RRset holding every address (the original emitted duplicates, one
 * of which won at random), and records carry {@code default_ttl} (the original set none and churned
 * against the service's TTL).
 */
final class GceAuthority implements Authority {
  private static final Set<Integer> SKIPPED = Set.of(403, 404, 410);

  private final GceListing listing;
  private final GceSettings settings;
  private final Clock clock;
  private final MetricRelay metrics;
  private final System.Logger log;

  GceAuthority(
      GceListing listing,
      GceSettings settings,
      Clock clock,
      MetricRelay metrics,
      System.Logger log) {
    this.listing = listing;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.log = log;
  }

  @Override
  public Set<String> zones() {
    return Set.of(settings.zone());
  }

  @Override
  public Observation observe() {
    Instant at = clock.instant();
    try (MetricTimer t = metrics.timer("plugin-runtime", Map.of("plugin", "gceauthority"))) {
      List<String> projects;
      try {
        projects = listing.projects();
      } catch (GoogleGet.Failure e) {
        throw failure(
            "cannot list the projects from Resource Manager: " + e.getMessage(), e.status);
      }
      metrics.set("projects", projects.size(), Map.of("plugin", "gceauthority"));
      List<RecordSet> records = records(list(projects));
      metrics.set(
          "rrsets", records.size(), Map.of("plugin", "gceauthority", "zone", settings.zone()));
      log.log(
          System.Logger.Level.INFO,
          "[{0}] Found {1} rrsets for zone in GCE.",
          settings.zone(),
          records.size());
      return new Observation(at, List.of(DesiredZone.complete(settings.zone(), records)));
    }
  }

  private List<GceListing.Instance> list(List<String> projects) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(settings.concurrency(), projects.size())));
    try {
      Map<String, Future<List<GceListing.Instance>>> futures = new TreeMap<>();
      for (String p : projects) {
        futures.put(p, pool.submit(() -> listing.instances(p)));
      }
      List<GceListing.Instance> out = new ArrayList<>();
      for (Map.Entry<String, Future<List<GceListing.Instance>>> f : futures.entrySet()) {
        out.addAll(instancesOf(f.getKey(), f.getValue()));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<GceListing.Instance> instancesOf(
      String project, Future<List<GceListing.Instance>> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted while listing the instances of " + project);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GoogleGet.Failure g && SKIPPED.contains(g.status)) {
        log.log(
            System.Logger.Level.WARNING,
            "Could not fetch instance list for project {0}," + " skipping: {1}",
            project,
            g.getMessage());
        return List.of();
      }
      int status = e.getCause() instanceof GoogleGet.Failure g ? g.status : 0;
      throw failure(
          "cannot list the instances of project "
              + project
              + ": "
              + e.getCause().getMessage()
              + " (only 403, 404 and 410 skip a project; nothing is"
              + " deleted when a listing fails)",
          status);
    }
  }

  private List<RecordSet> records(List<GceListing.Instance> instances) {
    Map<String, TreeSet<String>> byName = new TreeMap<>();
    for (GceListing.Instance i : instances) {
      byName.computeIfAbsent(i.name() + "." + settings.zone(), k -> new TreeSet<>()).add(i.natIp());
    }
    List<RecordSet> out = new ArrayList<>();
    byName.forEach(
        (name, ips) -> {
          if (ips.size() > 1) {
            log.log(
                System.Logger.Level.WARNING,
                "{0} is the name of instances in several projects;"
                    + " its A record holds all their addresses {1}",
                name,
                ips);
          }
          out.add(RecordSet.of(name, RecordType.A, settings.ttl(), ips.toArray(String[]::new)));
        });
    return out;
  }

  private static RuntimeException failure(String message, int status) {
    return status == 0 || status == 429 || status >= 500
        ? new RetriableException("gcp.gce: " + message)
        : new PermanentException("gcp.gce: " + message);
  }
}
