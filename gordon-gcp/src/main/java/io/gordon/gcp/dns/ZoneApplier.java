package io.gordon.gcp.dns;

import io.gordon.api.ConflictException;
import io.gordon.api.GordonException;
import io.gordon.api.ProviderException;
import io.gordon.api.RetriableException;
import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.gcp.ApiCallException;
import io.gordon.gcp.ApiError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies the changes of one zone: plans one Cloud DNS change ({@link ChangePlan}) against what it
 * knows of the zone ({@link ZoneSnapshot}: read once, then kept up to date with gordon's own
 * changes, so a batch usually costs one {@code changes.create} and one {@code changes.get}, with or
 * without owner markers), splits it within the project's quotas, sends each part and maps the
 * outcome back to every change. Changes that cancel out within the batch need a follow-up change
 * ({@link ChangeSteps}). A part refused because the live data changed meanwhile (409, 412, 404 on a
 * deletion) is re-read and re-planned, up to {@code conflictRetries} times.
 */
final class ZoneApplier {
  /** Up to this many names are read one by one rather than by listing the zone. */
  private static final int MAX_SINGLE_READS = 20;

  private final CloudDnsApi api;
  private final ChangeSubmitter submitter;
  private final QuotaLimits quota;
  private final int defaultTtl;
  private final int conflictRetries;
  private final MetricRelay metrics;
  private final Map<String, ZoneSnapshot> snapshots = new ConcurrentHashMap<>();

  ZoneApplier(
      CloudDnsApi api,
      ChangeSubmitter submitter,
      QuotaLimits quota,
      int defaultTtl,
      int conflictRetries,
      MetricRelay metrics) {
    this.api = api;
    this.submitter = submitter;
    this.quota = quota;
    this.defaultTtl = defaultTtl;
    this.conflictRetries = conflictRetries;
    this.metrics = metrics;
  }

  /** Applies {@code changes} (all in {@code zone}) and stores a result for each in {@code out}. */
  void apply(String zone, String managedZone, List<Change> changes, Map<Change, ChangeResult> out) {
    List<Change> todo = changes;
    for (int round = 0; !todo.isEmpty(); round++) {
      List<Change> conflicted = applyOnce(zone, managedZone, todo, out);
      if (!conflicted.isEmpty() && round >= conflictRetries) {
        for (Change c : conflicted) {
          out.put(
              c,
              new ChangeResult.Failed(
                  c,
                  new ConflictException(
                      ChangePlan.PROVIDER,
                      zone,
                      c.name(),
                      c.type().name(),
                      c.records().key()
                          + " kept changing concurrently; "
                          + "gave up after "
                          + (round + 1)
                          + " attempts")));
        }
        return;
      }
      todo = conflicted;
    }
  }

  private List<Change> applyOnce(
      String zone, String managedZone, List<Change> changes, Map<Change, ChangeResult> out) {
    ZoneSnapshot snapshot = snapshots.computeIfAbsent(managedZone, k -> new ZoneSnapshot());
    Set<String> names = namesOf(zone, changes);
    ChangePlan plan;
    try {
      plan = plan(zone, managedZone, snapshot, changes, names);
    } catch (ApiCallException e) {
      snapshot.forget(names);
      failAll(changes, zone, e.error(), out);
      return List.of();
    }
    Map<String, List<Change>> pendingByKey = new LinkedHashMap<>();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      switch (plan.verdicts().get(i)) {
        case ChangePlan.Noop n -> out.put(c, new ChangeResult.Unchanged(c, n.reason()));
        case ChangePlan.Refused r -> out.put(c, new ChangeResult.Failed(c, r.error()));
        case ChangePlan.Pending p ->
            pendingByKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(c);
      }
    }
    ChangeSteps steps = plan.steps();
    Map<String, List<Change>> unsent = new LinkedHashMap<>(pendingByKey);
    steps.first().forEach(d -> unsent.remove(d.key()));
    unsent.values().forEach(cs -> cs.forEach(c -> out.put(c, new ChangeResult.Applied(c))));
    List<Change> conflicted = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (List<RrsetDiff> part : quota.split(steps.first())) {
      send(zone, managedZone, snapshot, part, pendingByKey, out, conflicted, done, true);
    }
    // Probes of changes that cancel out go again once the first change is done, and only then.
    List<RrsetDiff> followUps =
        steps.followUps().stream().filter(d -> done.contains(d.key())).toList();
    for (List<RrsetDiff> part : quota.split(followUps)) {
      send(zone, managedZone, snapshot, part, pendingByKey, out, conflicted, new HashSet<>(), true);
    }
    snapshot.forget(namesOf(zone, conflicted));
    return conflicted;
  }

  /**
   * Plans {@code changes} against the snapshot, reading first the names it does not know. What
   * sends nothing (a no-op, a refusal) or sends no precondition for it has nothing Cloud DNS could
   * check: its names are read afresh and the changes planned again.
   */
  private ChangePlan plan(
      String zone,
      String managedZone,
      ZoneSnapshot snapshot,
      List<Change> changes,
      Set<String> names)
      throws ApiCallException {
    Set<String> fresh = new HashSet<>();
    refresh(managedZone, snapshot, names.stream().filter(n -> !snapshot.knows(n)).toList(), fresh);
    ChangePlan plan = new ChangePlan(zone, defaultTtl, changes, snapshot.at(names));
    Set<String> sent = new HashSet<>();
    plan.steps().first().forEach(d -> sent.add(d.key()));
    sent.removeAll(plan.steps().unguarded());
    Set<String> doubtful = new LinkedHashSet<>();
    for (int i = 0; i < changes.size(); i++) {
      if (!(plan.verdicts().get(i) instanceof ChangePlan.Pending p && sent.contains(p.key()))) {
        namesOf(zone, List.of(changes.get(i))).stream()
            .filter(n -> !fresh.contains(n))
            .forEach(doubtful::add);
      }
    }
    if (doubtful.isEmpty()) {
      return plan;
    }
    refresh(managedZone, snapshot, List.copyOf(doubtful), fresh);
    return new ChangePlan(zone, defaultTtl, changes, snapshot.at(names));
  }

  private void send(
      String zone,
      String managedZone,
      ZoneSnapshot snapshot,
      List<RrsetDiff> part,
      Map<String, List<Change>> pending,
      Map<Change, ChangeResult> out,
      List<Change> conflicted,
      Set<String> done,
      boolean mayIsolate) {
    List<Change> concerned = new ArrayList<>();
    part.forEach(d -> concerned.addAll(pending.get(d.key())));
    ChangeSubmitter.Result result = submitter.submit(managedZone, part);
    if (result instanceof ChangeSubmitter.Done) {
      snapshot.applied(part);
      part.forEach(d -> done.add(d.key()));
    } else {
      part.forEach(d -> snapshot.forget(d.names()));
    }
    switch (result) {
      case ChangeSubmitter.Done d -> {
        metrics.incr("publish-records-success", Map.of("plugin", "gdnspublisher"));
        concerned.forEach(c -> out.put(c, new ChangeResult.Applied(c)));
      }
      case ChangeSubmitter.TimedOut t -> {
        metrics.incr("publish-records-timeout", Map.of("plugin", "gdnspublisher"));
        RetriableException e =
            new RetriableException(
                "Cloud DNS change "
                    + t.changeId()
                    + " in zone "
                    + managedZone
                    + " was still pending after "
                    + t.waited().toMillis()
                    + " ms (publish_wait_timeout)");
        concerned.forEach(c -> out.put(c, new ChangeResult.Failed(c, e)));
      }
      case ChangeSubmitter.Failed f when isConflict(f.error()) -> {
        metrics.incr("publish-records-conflict", Map.of("plugin", "gdnspublisher"));
        conflicted.addAll(concerned);
      }
      case ChangeSubmitter.Failed f
          when f.error().kind() != ApiError.Kind.RETRIABLE && mayIsolate && part.size() > 1 -> {
        // One bad RRset makes Cloud DNS refuse the whole change: send each alone.
        for (RrsetDiff d : part) {
          send(zone, managedZone, snapshot, List.of(d), pending, out, conflicted, done, false);
        }
      }
      case ChangeSubmitter.Failed f -> failAll(concerned, zone, f.error(), out);
    }
  }

  private static boolean isConflict(ApiError e) {
    return e.kind() == ApiError.Kind.CONFLICT
        || (e.kind() == ApiError.Kind.NOT_FOUND && e.message().contains("entity.change"));
  }

  /**
   * Reads the record sets at {@code names} into the snapshot: one list per name, or the whole zone
   * when that takes fewer requests (or nothing is known yet and the names are many).
   */
  private void refresh(
      String managedZone, ZoneSnapshot snapshot, List<String> names, Set<String> fresh)
      throws ApiCallException {
    if (names.isEmpty()) {
      return;
    }
    int pages = snapshot.size() / CloudDnsApi.PAGE_SIZE + 1;
    if (names.size() > Math.max(pages, MAX_SINGLE_READS)) {
      snapshot.readAll(api.rrsets(managedZone, null, null));
    } else {
      for (String name : names) {
        snapshot.read(List.of(name), api.rrsets(managedZone, name, null));
      }
    }
    fresh.addAll(names);
  }

  /** The names a change reads and writes: its record's, and its owner marker's when claimed. */
  private static Set<String> namesOf(String zone, List<Change> changes) {
    Set<String> names = new LinkedHashSet<>();
    for (Change c : changes) {
      names.add(c.name());
      if (c.ownership().isPresent() && !OwnerMarker.isReserved(c.name())) {
        try {
          names.add(OwnerMarker.nameFor(c.name(), c.type(), zone));
        } catch (IllegalArgumentException e) {
          // refused by the plan, which says why
        }
      }
    }
    return names;
  }

  private static void failAll(
      List<Change> changes, String zone, ApiError error, Map<Change, ChangeResult> out) {
    for (Change c : changes) {
      out.put(c, new ChangeResult.Failed(c, toException(zone, c, error)));
    }
  }

  static GordonException toException(String zone, Change c, ApiError error) {
    if (error.kind() == ApiError.Kind.RETRIABLE) {
      // 429, 5xx or no answer after api_retries: Cloud DNS is failing, not this record, so no
      // record is named and the core turns the zone's readiness off after health_threshold
      return new ProviderException(
          ChangePlan.PROVIDER,
          zone,
          "",
          "",
          true,
          "Cloud DNS failed for "
              + c.records().key()
              + " in zone "
              + zone
              + ": "
              + error.describe(),
          null);
    }
    return new ProviderException(
        ChangePlan.PROVIDER,
        zone,
        c.name(),
        c.type().name(),
        false,
        "Cloud DNS refused " + c.records().key() + ": " + error.describe(),
        null);
  }
}
