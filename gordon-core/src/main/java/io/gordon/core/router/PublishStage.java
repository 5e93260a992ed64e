package io.gordon.core.router;

import io.gordon.api.GordonException;
import io.gordon.api.PermanentException;
import io.gordon.api.ProviderException;
import io.gordon.api.RetriableException;
import io.gordon.api.model.Action;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.RecordSet;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.core.delivery.SkipSignal;
import io.gordon.core.runtime.Assembly.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The DNS providers of one phase as a stage: routes each change to the provider whose zone
 * contains it (longest zone wins), batches through {@link ZoneBatcher}, skips stale records and
 * maps each {@link ChangeResult} back to the message.
 */
final class PublishStage implements Stage {
  static final int MAX_BATCH = 1000;
  private final String phase;
  private final String pluginNames;
  private final List<ZoneTarget> targets;
  private final Freshness freshness;
  private final Clock clock;
  private final String previousPhases;

  PublishStage(String phase, List<Named<DnsProvider>> providers, Freshness freshness,
      MetricRelay metrics, Clock clock, String previousPhases) {
    this.phase = phase;
    this.pluginNames = String.join(",", providers.stream().map(Named::name).toList());
    this.freshness = freshness;
    this.clock = clock;
    this.previousPhases = previousPhases;
    List<ZoneTarget> t = new ArrayList<>();
    for (Named<DnsProvider> p : providers) {
      for (String zone : p.plugin().zones()) {
        t.add(new ZoneTarget(zone, new ZoneBatcher(p.name(), p.plugin(), zone, metrics,
            MAX_BATCH)));
      }
    }
    t.sort((a, b) -> Integer.compare(b.zone.length(), a.zone.length()));
    this.targets = List.copyOf(t);
  }

  /** Requests waiting for an apply call, over every zone. */
  int queued() {
    return targets.stream().mapToInt(t -> t.batcher.queued()).sum();
  }

  @Override
  public String phase() {
    return phase;
  }

  @Override
  public String plugin() {
    return pluginNames;
  }

  @Override
  public EventMessage handle(EventMessage message) {
    return await(handleAsync(message));
  }

  /**
   * Starts publishing {@code message}; the future completes, possibly on the batch thread,
   * with the message and its history, or with the SPI exception of the failure.
   */
  CompletableFuture<EventMessage> handleAsync(EventMessage message) {
    try {
      return start(message);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<EventMessage> start(EventMessage message) {
    DnsEvent event = message.event();
    if (event.needsEnrichment()) {
      throw new PermanentException("event " + event.resourceName().orElse("") + " (schema "
          + event.schema() + ") has no resource records and needs enrichment, but no enricher "
          + "handled it before phase \"" + phase + "\" (route: " + previousPhases
          + "); add gcp.enricher to core.plugins and route consume -> enrich -> " + phase);
    }
    List<RecordSet> fresh = new ArrayList<>();
    List<Freshness.Slot> slots = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    Instant at = event.timestamp().orElse(null);
    for (RecordSet r : event.records()) {
      Freshness.Slot slot = at == null ? null : freshness.slot(r);
      if (slot != null && slot.stale(at)) {
        stale.add(r.key() + " (event " + at + " is older than " + slot.get() + ")");
      } else {
        fresh.add(r);
        slots.add(slot);
      }
    }
    if (fresh.isEmpty()) {
      throw new SkipSignal("stale: " + String.join(", ", stale));
    }
    List<Change> changes = changes(event, fresh);
    return publish(changes).thenApply(results -> {
      String summary = describe(results);
      if (at != null) {
        slots.forEach(slot -> slot.applied(at));
      }
      if (!stale.isEmpty()) {
        summary += "; skipped stale " + String.join(", ", stale);
      }
      return message.withHistory(clock.instant(), pluginNames, summary);
    });
  }

  /** What {@code event.withRecords(fresh).changes()} returns, without a stream. */
  private static List<Change> changes(DnsEvent event, List<RecordSet> fresh) {
    boolean add = event.action() == Action.ADDITIONS;
    List<Change> changes = new ArrayList<>(fresh.size());
    for (RecordSet r : fresh) {
      changes.add(add ? new Change.Replace(r) : new Change.Remove(r));
    }
    return changes;
  }

  private CompletableFuture<List<ChangeResult>> publish(List<Change> changes) {
    if (targets.size() == 1 || changes.size() == 1) {
      // One zone: no grouping needed (target() still checks that every name is in it).
      ZoneBatcher only = null;
      for (Change c : changes) {
        ZoneBatcher z = target(c.name());
        if (only != null && z != only) {
          return publishByZone(changes);
        }
        only = z;
      }
      return only.submit(changes);
    }
    return publishByZone(changes);
  }

  private CompletableFuture<List<ChangeResult>> publishByZone(List<Change> changes) {
    Map<ZoneBatcher, List<Change>> byZone = new LinkedHashMap<>();
    for (Change c : changes) {
      byZone.computeIfAbsent(target(c.name()), z -> new ArrayList<>()).add(c);
    }
    if (byZone.size() == 1) {
      Map.Entry<ZoneBatcher, List<Change>> only = byZone.entrySet().iterator().next();
      return only.getKey().submit(only.getValue());
    }
    List<CompletableFuture<List<ChangeResult>>> futures = new ArrayList<>();
    byZone.forEach((z, cs) -> futures.add(z.submit(cs)));
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(v -> {
      List<ChangeResult> results = new ArrayList<>();
      futures.forEach(f -> results.addAll(f.join()));
      return results;
    });
  }

  private ZoneBatcher target(String name) {
    for (ZoneTarget t : targets) {
      if (DnsNames.isInZone(name, t.zone)) {
        return t.batcher;
      }
    }
    TreeSet<String> zones = new TreeSet<>();
    targets.forEach(t -> zones.add(t.zone));
    throw new PermanentException("record " + name + " is in no managed zone (managed zones: "
        + String.join(", ", zones) + ")");
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted while waiting for the provider");
    } catch (ExecutionException e) {
      Throwable c = unwrap(e.getCause());
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw (Error) c;
    }
  }

  /** The failure inside CompletionException / ExecutionException wrappers. */
  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof java.util.concurrent.CompletionException
        || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static String describe(List<ChangeResult> results) {
    GordonException permanent = null;
    GordonException retriable = null;
    StringBuilder sb = new StringBuilder(64 * results.size()).append("published");
    for (ChangeResult r : results) {
      switch (r) {
        case ChangeResult.Applied a -> what(sb, r.change()).append(": applied;");
        case ChangeResult.Unchanged u -> what(sb, r.change()).append(": unchanged (")
            .append(u.reason()).append(");");
        case ChangeResult.Failed f -> {
          boolean retry = f.error() instanceof RetriableException
              || (f.error() instanceof ProviderException p && p.retriable());
          if (retry && retriable == null) {
            retriable = f.error();
          } else if (!retry && permanent == null) {
            permanent = f.error();
          }
        }
      }
    }
    if (permanent != null) {
      throw permanent;
    }
    if (retriable != null) {
      throw retriable;
    }
    sb.setLength(sb.length() - 1);
    return sb.toString();
  }

  /** Appends " replace name/TYPE" or " remove name/TYPE" (the records' key). */
  private static StringBuilder what(StringBuilder sb, Change c) {
    RecordSet r = c.records();
    return sb.append(c instanceof Change.Replace ? " replace " : " remove ").append(r.name())
        .append('/').append(r.type());
  }

  private record ZoneTarget(String zone, ZoneBatcher batcher) {}
}
