package io.gordon.testing.fakes;

import io.gordon.api.ConflictException;
import io.gordon.api.GordonException;
import io.gordon.api.OwnershipException;
import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A DNS provider keeping its zones in memory, honouring the {@link DnsProvider} contract:
 * replacement sets exactly the given data, removal of what is absent is Unchanged, CNAME never
 * coexists with other data, names outside the zones fail permanently, compare-and-swap changes fail
 * with a {@link ConflictException}, one bad change fails alone, and a change with an ownership
 * claim keeps its owner marker with the record (see {@link OwnerMarker}). Records every apply
 * batch; failures can be injected per call ({@link #failCalls}) or per change ({@link
 * #failChanges}). Thread-safe.
 */
public final class InMemoryDnsProvider implements DnsProvider {
  private static final int DEFAULT_TTL = 300;
  private final String name;
  private final Set<String> zones;
  private final String phase;
  private final TreeMap<String, RecordSet> records = new TreeMap<>();
  private final List<List<Change>> batches = new CopyOnWriteArrayList<>();
  private final BlockingQueue<GordonException> callFailures = new LinkedBlockingQueue<>();
  private final AtomicInteger shutdowns = new AtomicInteger();
  private volatile Function<Change, GordonException> changeFailure = c -> null;

  /** A provider named {@code name} for {@code zones}, serving phase publish. */
  public InMemoryDnsProvider(String name, String... zones) {
    this(name, "publish", List.of(zones));
  }

  /** A provider named {@code name} for {@code zones}, serving {@code phase}. */
  public static InMemoryDnsProvider forPhase(String phase, String name, String... zones) {
    return new InMemoryDnsProvider(name, phase, List.of(zones));
  }

  private InMemoryDnsProvider(String name, String phase, List<String> zones) {
    this.name = name;
    this.phase = phase;
    Set<String> z = new HashSet<>();
    for (String zone : zones) {
      z.add(DnsNames.normalize(zone));
    }
    this.zones = Set.copyOf(z);
  }

  @Override
  public String phase() {
    return phase;
  }

  @Override
  public Set<String> zones() {
    return zones;
  }

  /** Makes the next {@code errors.length} apply calls throw the given errors, in order. */
  public void failCalls(GordonException... errors) {
    callFailures.addAll(List.of(errors));
  }

  /** For each change, a failure to report (or null to apply it). */
  public void failChanges(Function<Change, GordonException> f) {
    this.changeFailure = f;
  }

  @Override
  public List<ChangeResult> apply(List<Change> changes) {
    batches.add(List.copyOf(changes));
    GordonException e = callFailures.poll();
    if (e != null) {
      throw e;
    }
    List<ChangeResult> out = new ArrayList<>(changes.size());
    for (Change c : changes) {
      GordonException injected = changeFailure.apply(c);
      out.add(injected != null ? new ChangeResult.Failed(c, injected) : applyOne(c));
    }
    return out;
  }

  private synchronized ChangeResult applyOne(Change c) {
    String n = c.name();
    if (zones.stream().noneMatch(z -> DnsNames.isInZone(n, z))) {
      return new ChangeResult.Failed(
          c,
          new ProviderException(
              name,
              "",
              n,
              c.type().name(),
              false,
              "record "
                  + n
                  + " is not in a zone of provider "
                  + name
                  + " (zones: "
                  + String.join(", ", new java.util.TreeSet<>(zones))
                  + ")",
              null));
    }
    if (c.type() == RecordType.NS && zones.contains(n)) {
      return new ChangeResult.Failed(
          c,
          new ProviderException(
              name, n, n, "NS", false, "NS at the apex of zone " + n + " is refused", null));
    }
    RecordSet live = records.get(c.records().key());
    if (c.expected().isPresent()) {
      List<String> have = live == null ? List.of() : live.rdata();
      if (!new HashSet<>(have).equals(new HashSet<>(c.expected().get()))) {
        return new ChangeResult.Failed(
            c,
            new ConflictException(
                name,
                zoneOf(n),
                n,
                c.type().name(),
                "expected "
                    + c.expected().get()
                    + " at "
                    + c.records().key()
                    + " but found "
                    + have));
      }
    }
    if (c.ownership().isPresent()) {
      return owned(c, live, c.ownership().get());
    }
    return switch (c) {
      case Change.Replace r -> replace(r, live);
      case Change.Remove r -> remove(r, live);
    };
  }

  /** A claimed change: checked against the marker, which is written and removed with it. */
  private ChangeResult owned(Change c, RecordSet live, Ownership claim) {
    String zone = zoneOf(c.name());
    if (OwnerMarker.isReserved(c.name())) {
      return new ChangeResult.Failed(
          c,
          new ProviderException(
              name,
              zone,
              c.name(),
              c.type().name(),
              false,
              c.name() + " is a reserved marker name",
              null));
    }
    String markerKey;
    try {
      markerKey = OwnerMarker.nameFor(c.name(), c.type(), zone) + "/" + RecordType.TXT;
    } catch (IllegalArgumentException e) {
      return new ChangeResult.Failed(
          c,
          new ProviderException(name, zone, c.name(), c.type().name(), false, e.getMessage(), e));
    }
    RecordSet marker = records.get(markerKey);
    Optional<String> owner =
        Optional.ofNullable(marker)
            .filter(m -> m.rdata().size() == 1)
            .flatMap(m -> OwnerMarker.parse(m.rdata().get(0)))
            .filter(m -> m.record().equals(c.name()) && m.type() == c.type())
            .map(OwnerMarker::ownerId);
    Optional<OwnershipException> refusal = claim.check(c, live != null, owner);
    if (refusal.isPresent()) {
      return new ChangeResult.Failed(c, refusal.get());
    }
    ChangeResult result =
        switch (c) {
          case Change.Replace r -> replace(r, live);
          case Change.Remove r -> remove(r, live);
        };
    if (result instanceof ChangeResult.Failed) {
      return result;
    }
    RecordSet now = records.get(c.records().key());
    if (now == null) {
      records.remove(markerKey);
    } else {
      RecordSet want =
          new OwnerMarker(claim.ownerId(), c.name(), c.type())
              .recordSet(zone, now.ttlOr(DEFAULT_TTL));
      if (!want.equals(marker)) { // not ours yet, or the record's TTL changed
        records.put(markerKey, want);
        return new ChangeResult.Applied(c);
      }
    }
    return result;
  }

  private ChangeResult replace(Change.Replace r, RecordSet live) {
    String n = r.name();
    boolean otherAtName =
        records.values().stream().anyMatch(x -> x.name().equals(n) && x.type() != r.type());
    boolean cnameAtName = records.containsKey(n + "/" + RecordType.CNAME);
    if ((r.type() == RecordType.CNAME && otherAtName)
        || (r.type() != RecordType.CNAME && cnameAtName)) {
      return new ChangeResult.Failed(
          r,
          new ProviderException(
              name,
              zoneOf(n),
              n,
              r.type().name(),
              false,
              "a CNAME cannot coexist with other data at " + n,
              null));
    }
    RecordSet want =
        r.records().ttl().isPresent()
            ? r.records()
            : r.records().withTtl(live != null ? live.ttlOr(DEFAULT_TTL) : DEFAULT_TTL);
    if (live != null
        && want.ttl().equals(live.ttl())
        && Set.copyOf(want.rdata()).equals(Set.copyOf(live.rdata()))) {
      return new ChangeResult.Unchanged(r, n + "/" + r.type() + " already holds this data");
    }
    records.put(want.key(), want);
    return new ChangeResult.Applied(r);
  }

  private ChangeResult remove(Change.Remove r, RecordSet live) {
    if (live == null) {
      return new ChangeResult.Unchanged(r, r.records().key() + " does not exist");
    }
    if (r.wholeRrset()) {
      records.remove(live.key());
      return new ChangeResult.Applied(r);
    }
    List<String> left = new ArrayList<>(live.rdata());
    if (!left.removeAll(r.records().rdata())) {
      return new ChangeResult.Unchanged(
          r, "none of " + r.records().rdata() + " is at " + live.key());
    }
    if (left.isEmpty()) {
      records.remove(live.key());
    } else {
      records.put(live.key(), live.withRdata(left));
    }
    return new ChangeResult.Applied(r);
  }

  private String zoneOf(String n) {
    return zones.stream()
        .filter(z -> DnsNames.isInZone(n, z))
        .max((a, b) -> Integer.compare(a.length(), b.length()))
        .orElse("");
  }

  @Override
  public synchronized Optional<RecordSet> read(String name, RecordType type) {
    return Optional.ofNullable(records.get(DnsNames.normalize(name) + "/" + type));
  }

  @Override
  public synchronized List<RecordSet> list(String zone) {
    String z = DnsNames.normalize(zone);
    return records.values().stream().filter(r -> DnsNames.isInZone(r.name(), z)).toList();
  }

  /** Every record held, by name/type key. */
  public synchronized Map<String, RecordSet> snapshot() {
    return Map.copyOf(records);
  }

  /** Every batch passed to {@link #apply}, in call order. */
  public List<List<Change>> batches() {
    return List.copyOf(batches);
  }

  @Override
  public void shutdown() {
    shutdowns.incrementAndGet();
  }

  /** Times shutdown() was called. */
  public int shutdowns() {
    return shutdowns.get();
  }
}
