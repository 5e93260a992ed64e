package io.gordon.rfc2136;

import io.gordon.api.GordonException;
import io.gordon.api.ProviderException;
import io.gordon.api.RetriableException;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.rfc2136.Rfc2136ErrorMapper.Subject;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A {@link DnsProvider} speaking RFC 2136 dynamic UPDATE, signed with TSIG, to one primary server.
 * One {@link #apply} call becomes as few UPDATE messages per zone as the limits allow (see {@link
 * ZoneBatch}); every write carries prerequisites that keep it from clobbering a concurrent writer
 * (see {@link ChangePlanner}). Reads use plain queries, listings AXFR.
 */
public final class Rfc2136Provider implements DnsProvider, AutoCloseable {
  private final Rfc2136Settings settings;
  private final Rfc2136Client client;
  private final Rfc2136ErrorMapper errors;
  private final ZoneState zoneState;
  private final UpdateSender sender;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore inFlight;

  /**
   * Creates the provider; nothing is sent until the first call.
   *
   * @param clock times TSIG signatures
   */
  public Rfc2136Provider(
      Rfc2136Settings settings,
      Clock clock,
      System.Logger logger,
      MetricRelay metrics,
      HealthReporter health) {
    this.settings = settings;
    this.client = new Rfc2136Client(settings, clock);
    this.errors = new Rfc2136ErrorMapper(settings);
    this.zoneState = new ZoneState(settings, client, errors);
    Conflicts conflicts = new Conflicts(settings, this::read, zoneState::describeName);
    this.sender = new UpdateSender(settings, client, conflicts, logger, metrics, health);
    this.inFlight = new Semaphore(settings.maxUpdatesInFlight());
  }

  @Override
  public Set<String> zones() {
    return new LinkedHashSet<>(settings.zones());
  }

  /**
   * {@code max_batches_in_flight}: concurrent calls are safe here. Each call cuts its own messages
   * and shares only the client (one pipelined TCP connection, distinct message ids, TSIG per
   * message) and the limit of UPDATEs in flight; the core never gives two running calls the same
   * name, and each message stays atomic by its prerequisites, with the same fallbacks.
   */
  @Override
  public int maxConcurrentApplies() {
    return settings.maxBatchesInFlight();
  }

  @Override
  public List<ChangeResult> apply(List<Change> changes) {
    ChangeResult[] results = new ChangeResult[changes.size()];
    Map<String, List<Integer>> byZone = new LinkedHashMap<>();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      Optional<String> zone = zoneOf(c.name());
      Optional<String> refusal =
          zone.isEmpty() ? Optional.of(outside(c.name())) : refusal(c, zone.get());
      if (refusal.isPresent()) {
        results[i] =
            new ChangeResult.Failed(
                c,
                new ProviderException(
                    settings.plugin(),
                    zone.orElse(""),
                    c.name(),
                    c.type().name(),
                    false,
                    refusal.get(),
                    null));
      } else {
        byZone.computeIfAbsent(zone.get(), z -> new ArrayList<>()).add(i);
      }
    }
    List<CompletableFuture<Void>> running = new ArrayList<>();
    byZone.forEach(
        (zone, indexes) ->
            running.add(
                new ZoneBatch(zone, changes, indexes, settings, sender, this::read)
                    .run(executor, inFlight, results)));
    CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    List<ChangeResult> out = Arrays.asList(results);
    throwIfServerUnreachable(out);
    return List.copyOf(out);
  }

  /** Nothing could be done: the SPI asks for a {@link RetriableException} then. */
  private static void throwIfServerUnreachable(List<ChangeResult> results) {
    if (results.isEmpty()) {
      return;
    }
    for (ChangeResult r : results) {
      if (!(r instanceof ChangeResult.Failed f
          && f.error() instanceof ProviderException p
          && p.retriable()
          && p.getCause() instanceof IOException)) {
        return;
      }
    }
    GordonException first = ((ChangeResult.Failed) results.get(0)).error();
    throw new RetriableException(first.getMessage(), first);
  }

  private Optional<String> refusal(Change c, String zone) {
    if (c.ownership().isPresent() && OwnerMarker.isReserved(c.name())) {
      return Optional.of(
          c.records().key()
              + " is refused: names starting with "
              + OwnerMarker.PREFIX
              + " are reserved for gordon's owner markers");
    }
    if (c.name().equals(zone) && (c.type() == RecordType.NS || c.type() == RecordType.CNAME)) {
      return Optional.of(
          c.records().key()
              + " is refused: gordon never changes the "
              + c.type()
              + " records at the apex of zone "
              + zone
              + " (SOA and apex NS belong to the zone)");
    }
    return Optional.empty();
  }

  private String outside(String name) {
    return name
        + " is outside the zones managed by "
        + settings.plugin()
        + " ("
        + String.join(", ", settings.zones())
        + ")";
  }

  /** The most specific managed zone holding {@code name} (a loop: once per change). */
  Optional<String> zoneOf(String name) {
    String best = null;
    for (String z : settings.zones()) {
      if (DnsNames.isInZone(name, z) && (best == null || z.length() > best.length())) {
        best = z;
      }
    }
    return Optional.ofNullable(best);
  }

  @Override
  public Optional<RecordSet> read(String name, RecordType type) {
    String n = DnsNames.normalize(name);
    String zone =
        zoneOf(n)
            .orElseThrow(
                () ->
                    new ProviderException(
                        settings.plugin(), "", n, type.name(), false, outside(n), null));
    return zoneState.read(new Subject(zone, n, type.name()), type);
  }

  @Override
  public List<RecordSet> list(String zone) {
    String z = DnsNames.normalize(zone);
    if (!settings.zones().contains(z)) {
      throw new ProviderException(
          settings.plugin(),
          z,
          "",
          "",
          false,
          "zone "
              + z
              + " is not managed by "
              + settings.plugin()
              + " ("
              + String.join(", ", settings.zones())
              + ")",
          null);
    }
    return zoneState.list(z);
  }

  @Override
  public void check() {
    zoneState.check();
  }

  @Override
  public void shutdown() {
    executor.shutdownNow();
  }

  /** Same as {@link #shutdown()}. */
  @Override
  public void close() {
    shutdown();
  }

  @Override
  public String toString() {
    return "Rfc2136Provider["
        + settings.serverText()
        + ", "
        + settings.zones()
        + ", "
        + settings.tsig().map(Object::toString).orElse("unsigned")
        + "]";
  }
}
