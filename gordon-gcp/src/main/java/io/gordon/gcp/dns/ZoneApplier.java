package io.gordon.gcp.dns;

import com.google.api.services.dns.model.ResourceRecordSet;
import io.gordon.api.ConflictException;
import io.gordon.api.GordonException;
import io.gordon.api.ProviderException;
import io.gordon.api.RetriableException;
import io.gordon.api.model.Change;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.gcp.ApiCallException;
import io.gordon.gcp.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Applies the changes of one zone: reads the live RRsets at the names concerned, plans one Cloud
 * DNS change ({@link ChangePlan}), splits it within the project's quotas, sends each part and
 * maps the outcome back to every change. A part refused because the live data changed meanwhile
 * (409, 412, 404 on a deletion) is re-read and re-planned, up to {@code conflictRetries} times.
 */
final class ZoneApplier {
  private final CloudDnsApi api;
  private final ChangeSubmitter submitter;
  private final QuotaLimits quota;
  private final int defaultTtl;
  private final int conflictRetries;
  private final MetricRelay metrics;

  ZoneApplier(CloudDnsApi api, ChangeSubmitter submitter, QuotaLimits quota, int defaultTtl,
      int conflictRetries, MetricRelay metrics) {
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
          out.put(c, new ChangeResult.Failed(c, new ConflictException(ChangePlan.PROVIDER, zone,
              c.name(), c.type().name(), c.records().key() + " kept changing concurrently; "
                  + "gave up after " + (round + 1) + " attempts")));
        }
        return;
      }
      todo = conflicted;
    }
  }

  private List<Change> applyOnce(String zone, String managedZone, List<Change> changes,
      Map<Change, ChangeResult> out) {
    List<ResourceRecordSet> live;
    try {
      live = readLive(managedZone, changes);
    } catch (ApiCallException e) {
      failAll(changes, zone, e.error(), out);
      return List.of();
    }
    ChangePlan plan = new ChangePlan(zone, defaultTtl, changes, live);
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
    List<ChangePlan.Diff> diffs = plan.diffs();
    Map<String, List<Change>> unsent = new LinkedHashMap<>(pendingByKey);
    diffs.forEach(d -> unsent.remove(d.key()));
    unsent.values().forEach(cs -> cs.forEach(c -> out.put(c, new ChangeResult.Applied(c))));
    List<Change> conflicted = new ArrayList<>();
    for (List<ChangePlan.Diff> part : quota.split(diffs)) {
      send(zone, managedZone, part, pendingByKey, out, conflicted, true);
    }
    return conflicted;
  }

  private void send(String zone, String managedZone, List<ChangePlan.Diff> part,
      Map<String, List<Change>> pending, Map<Change, ChangeResult> out, List<Change> conflicted,
      boolean mayIsolate) {
    List<Change> concerned = new ArrayList<>();
    part.forEach(d -> concerned.addAll(pending.get(d.key())));
    switch (submitter.submit(managedZone, part)) {
      case ChangeSubmitter.Done d -> {
        metrics.incr("publish-records-success", Map.of("plugin", "gdnspublisher"));
        concerned.forEach(c -> out.put(c, new ChangeResult.Applied(c)));
      }
      case ChangeSubmitter.TimedOut t -> {
        metrics.incr("publish-records-timeout", Map.of("plugin", "gdnspublisher"));
        RetriableException e = new RetriableException("Cloud DNS change " + t.changeId()
            + " in zone " + managedZone + " was still pending after " + t.waited().toMillis()
            + " ms (publish_wait_timeout)");
        concerned.forEach(c -> out.put(c, new ChangeResult.Failed(c, e)));
      }
      case ChangeSubmitter.Failed f when isConflict(f.error()) -> {
        metrics.incr("publish-records-conflict", Map.of("plugin", "gdnspublisher"));
        conflicted.addAll(concerned);
      }
      case ChangeSubmitter.Failed f when f.error().kind() != ApiError.Kind.RETRIABLE
          && mayIsolate && part.size() > 1 -> {
        // One bad RRset makes Cloud DNS refuse the whole change: send each alone.
        for (ChangePlan.Diff d : part) {
          send(zone, managedZone, List.of(d), pending, out, conflicted, false);
        }
      }
      case ChangeSubmitter.Failed f -> failAll(concerned, zone, f.error(), out);
    }
  }

  private static boolean isConflict(ApiError e) {
    return e.kind() == ApiError.Kind.CONFLICT
        || (e.kind() == ApiError.Kind.NOT_FOUND && e.message().contains("entity.change"));
  }

  private List<ResourceRecordSet> readLive(String managedZone, List<Change> changes)
      throws ApiCallException {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    changes.forEach(c -> names.add(c.name()));
    List<ResourceRecordSet> out = new ArrayList<>();
    if (names.size() > 20) {
      for (ResourceRecordSet r : api.rrsets(managedZone, null, null)) {
        if (names.contains(r.getName().toLowerCase(java.util.Locale.ROOT))) {
          out.add(r);
        }
      }
      return out;
    }
    for (String name : names) {
      out.addAll(api.rrsets(managedZone, name, null));
    }
    return out;
  }

  private static void failAll(List<Change> changes, String zone, ApiError error,
      Map<Change, ChangeResult> out) {
    for (Change c : changes) {
      out.put(c, new ChangeResult.Failed(c, toException(zone, c, error)));
    }
  }

  static GordonException toException(String zone, Change c, ApiError error) {
    if (error.kind() == ApiError.Kind.RETRIABLE) {
      return new RetriableException("Cloud DNS failed for " + c.records().key() + " in zone "
          + zone + ": " + error.describe());
    }
    return new ProviderException(ChangePlan.PROVIDER, zone, c.name(), c.type().name(), false,
        "Cloud DNS refused " + c.records().key() + ": " + error.describe(), null);
  }
}
