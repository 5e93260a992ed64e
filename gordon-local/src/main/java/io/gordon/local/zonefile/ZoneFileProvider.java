package io.gordon.local.zonefile;

import io.gordon.api.PermanentException;
import io.gordon.api.ProviderException;
import io.gordon.api.io.DirectoryLock;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.HealthReporter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link DnsProvider} that keeps one master file per zone. Each call applies all of that call's
 * changes for a zone, in order, to the zone kept in memory ({@link ZoneStore}: parsed again only
 * when another writer changed the file), checks that the result is a zone a DNS server loads
 * ({@link ZoneCheck}), makes it durable with one append to the zone's journal ({@link ZoneJournal})
 * and returns; the file is rewritten (atomically, with the SOA serial increased) at once or, under
 * sustained load, a little later ({@link Rewrites}). Thread-safe: one lock per zone.
 */
final class ZoneFileProvider implements DnsProvider {
  private static final String PROVIDER = ZoneEditor.PROVIDER;
  private final ZoneFileSettings settings;
  private final ZoneStore store;
  private final HealthReporter health;
  private final ZoneLocks locks = new ZoneLocks();
  private final Rewrites rewrites;
  private final List<DirectoryLock> fileLocks = new CopyOnWriteArrayList<>();

  ZoneFileProvider(
      ZoneFileSettings settings, Clock clock, System.Logger log, HealthReporter health) {
    this.settings = settings;
    this.store = new ZoneStore(settings, clock, log);
    this.health = health;
    this.rewrites = new Rewrites(store, locks, clock, settings.rewriteSharePercent(), health, log);
  }

  @Override
  public Set<String> zones() {
    return new LinkedHashSet<>(settings.zones());
  }

  /**
   * Locks every zone file against other gordon processes (a second writer would lose acknowledged
   * changes: each rewrites the whole file), creates missing zone files, checks that the existing
   * ones parse and writes into them what a crash left in their journals.
   */
  @Override
  public void start() {
    try {
      for (String zone : settings.zones()) {
        fileLocks.add(DirectoryLock.acquireFile(settings.file(zone), PROVIDER + " zone " + zone));
      }
      rewrites.start();
      for (String zone : settings.zones()) {
        locked(
            zone,
            () -> {
              ZoneData data = opened(zone);
              if (store.pending(zone)) {
                rewrites.now(zone, data); // on failure the timer tries again
              }
              return null;
            });
      }
    } catch (ProviderException e) {
      shutdown(); // a refused start keeps no lock
      throw atStart(e);
    } catch (RuntimeException e) {
      shutdown();
      throw e;
    }
  }

  /**
   * The same failure once gordon runs is retried, and its message says so; a start it refuses is
   * not retried (the service exits), so the message must not promise a retry.
   */
  private static ProviderException atStart(ProviderException e) {
    String message = e.getMessage();
    String fixed =
        message
            .replace("(fix the file; gordon retries)", "(fix the file, then start gordon again)")
            .replace("; gordon retries)", "; fix it, then start gordon again)");
    return fixed.equals(message)
        ? e
        : new ProviderException(
            e.provider(), e.zone(), e.name(), e.type(), e.retriable(), fixed, e);
  }

  /**
   * Writes every zone file that lags behind its journal, then releases the journals and the zone
   * files' locks.
   */
  @Override
  public void shutdown() {
    rewrites.stop(settings.zones().stream().collect(java.util.stream.Collectors.toSet()));
    store.close();
    fileLocks.forEach(DirectoryLock::close);
    fileLocks.clear();
  }

  @Override
  public List<ChangeResult> apply(List<Change> changes) {
    ChangeResult[] results = new ChangeResult[changes.size()];
    Map<String, List<Integer>> byZone = new LinkedHashMap<>();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      Optional<String> zone = zoneOf(c.name());
      if (zone.isEmpty()) {
        results[i] =
            new ChangeResult.Failed(
                c,
                new PermanentException(
                    PROVIDER
                        + ": "
                        + c.name()
                        + " is outside the managed zones "
                        + settings.zones()
                        + " (expected a name in one of them)"));
      } else {
        byZone.computeIfAbsent(zone.get(), z -> new ArrayList<>()).add(i);
      }
    }
    byZone.forEach(
        (zone, indexes) ->
            locked(
                zone,
                () -> {
                  applyToZone(zone, indexes, changes, results);
                  return null;
                }));
    return Arrays.asList(results);
  }

  private void applyToZone(
      String zone, List<Integer> indexes, List<Change> changes, ChangeResult[] results) {
    ZoneData data;
    try {
      data = load(zone);
    } catch (ProviderException e) {
      indexes.forEach(i -> results[i] = new ChangeResult.Failed(changes.get(i), e));
      return;
    }
    try {
      edit(zone, data, indexes, changes, results);
    } catch (RuntimeException e) {
      store.forget(zone); // the copy in memory may be half edited: read the file again
      throw e;
    }
  }

  private void edit(
      String zone,
      ZoneData data,
      List<Integer> indexes,
      List<Change> changes,
      ChangeResult[] results) {
    // A first pass over the batch's names overlaps the cache misses of their lookups, which the
    // changes below would meet one after another in a large zone (RrsetTable.touch).
    String[] names = new String[indexes.size()];
    for (int k = 0; k < names.length; k++) {
      names[k] = changes.get(indexes.get(k)).name();
    }
    data.prefetch(names);
    ZoneEditor editor = new ZoneEditor(data, settings.defaultTtl());
    for (int i : indexes) {
      results[i] = editor.apply(changes.get(i));
    }
    if (!editor.modified()) {
      if (!rewrites.failing()) {
        health.healthy(); // the file was read and nothing needed writing
      }
      return;
    }
    // Changes that would break the zone were refused one by one above, so a problem left here
    // was in the file already (a hand edit): retriable, as for a file that does not parse.
    ProviderException refused =
        ZoneCheck.problem(data)
            .map(
                p ->
                    new ProviderException(
                        PROVIDER,
                        zone,
                        "",
                        "",
                        true,
                        PROVIDER
                            + ": "
                            + settings.file(zone)
                            + " not written: "
                            + p
                            + " (fix the file; gordon retries)",
                        null))
            .orElse(null);
    try {
      if (refused != null) {
        store.forget(zone);
        throw refused;
      }
      rewrites.commit(zone, data);
    } catch (ProviderException e) {
      if (e.retriable()) {
        health.unhealthy(e.getMessage());
      }
      for (int i : indexes) {
        if (results[i] instanceof ChangeResult.Applied) {
          results[i] = new ChangeResult.Failed(changes.get(i), e);
        }
      }
      return;
    }
    if (!rewrites.failing()) {
      health.healthy();
    }
  }

  /** The zone's journal opened and the zone loaded, reporting failures as not ready. */
  private ZoneData opened(String zone) {
    try {
      return store.open(zone);
    } catch (ProviderException e) {
      health.unhealthy(e.getMessage());
      throw e;
    }
  }

  /** The zone through the store, reporting a file that cannot be read as not ready. */
  private ZoneData load(String zone) {
    try {
      return store.load(zone);
    } catch (ProviderException e) {
      health.unhealthy(e.getMessage());
      throw e;
    }
  }

  @Override
  public Optional<RecordSet> read(String name, RecordType type) {
    String n = DnsNames.normalize(name);
    return zoneOf(n).flatMap(zone -> locked(zone, () -> load(zone).get(n, type)));
  }

  @Override
  public List<RecordSet> list(String zone) {
    String z = DnsNames.normalize(zone);
    if (!settings.zones().contains(z)) {
      throw new PermanentException(
          PROVIDER + ": zone " + z + " is not managed (expected one of " + settings.zones() + ")");
    }
    return locked(
        z,
        () ->
            load(z).sets().stream()
                .filter(s -> !(s.type() == RecordType.NS && s.name().equals(z)))
                .toList());
  }

  /** The longest managed zone holding {@code name} (a loop: asked once per change). */
  private Optional<String> zoneOf(String name) {
    String best = null;
    for (String z : settings.zones()) {
      if (DnsNames.isInZone(name, z) && (best == null || z.length() > best.length())) {
        best = z;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Runs {@code body} under the zone's lock, which is reentrant. Package-private for the tests that
   * must put another writer's edit between two of gordon's writes, never into one of its rewrites.
   */
  <T> T locked(String zone, java.util.function.Supplier<T> body) {
    return locks.locked(zone, body);
  }
}
