package io.gordon.core.ownership;

import io.gordon.api.GordonException;
import io.gordon.api.OwnershipException;
import io.gordon.api.RetriableException;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Wraps a {@link DnsProvider} with gordon's ownership rules (see docs/ownership.md): refuses
 * protected records and reserved marker names, attaches this gordon's {@link Ownership} claim to
 * every change (adopting where {@code core.ownership.adopt} says so) so that the provider writes
 * markers and refuses what it does not own, and parks deletions that trip the {@link
 * DeletionBreaker}, reporting not-ready while it is tripped. Refusals are permanent failures: the
 * message goes to the dead-letter sink with the reason.
 */
public final class OwnershipProvider implements DnsProvider {
  private final DnsProvider delegate;
  private final OwnershipSettings settings;
  private final Protection protection;
  private final DeletionBreaker breaker;
  private final Breaker sink;

  private OwnershipProvider(
      DnsProvider delegate, OwnershipSettings settings, Clock clock, Breaker sink) {
    this.delegate = delegate;
    this.settings = settings;
    this.protection = new Protection(settings, delegate, clock);
    this.breaker = new DeletionBreaker(settings, clock, this::ownedCount);
    this.sink = sink;
  }

  /** Where the breaker's state goes: {@code /readyz} through the health registry. */
  public interface Breaker {
    /** A zone's breaker tripped: readiness fails at once with {@code reason}. */
    void tripped(String reason);

    /** No zone's breaker is tripped (called often; must be cheap). */
    void cleared();
  }

  /** {@code provider} wrapped, or {@code provider} itself when ownership is disabled. */
  public static DnsProvider wrap(
      DnsProvider provider, OwnershipSettings settings, Clock clock, Breaker breaker) {
    return settings.enabled()
        ? new OwnershipProvider(provider, settings, clock, breaker)
        : provider;
  }

  /** The wrapped provider. */
  public DnsProvider delegate() {
    return delegate;
  }

  @Override
  public List<ChangeResult> apply(List<Change> changes) {
    ChangeResult[] results = new ChangeResult[changes.size()];
    List<Forward> forwards = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      try {
        forwards.add(admit(i, changes.get(i)));
      } catch (GordonException e) {
        results[i] = new ChangeResult.Failed(changes.get(i), e);
      }
    }
    if (!breaker.tripped()) {
      sink.cleared();
    }
    List<ChangeResult> done;
    try {
      done =
          forwards.isEmpty()
              ? List.of()
              : delegate.apply(forwards.stream().map(Forward::claimed).toList());
    } catch (RuntimeException e) {
      forwards.forEach(f -> f.counted().ifPresent(c -> breaker.settle(c, false)));
      throw e;
    }
    for (int k = 0; k < forwards.size(); k++) {
      Forward f = forwards.get(k);
      Change original = changes.get(f.index());
      ChangeResult r = done.get(k);
      if (f.counted().isPresent()) {
        breaker.settle(f.counted().get(), r instanceof ChangeResult.Applied);
      } else if (f.zone() != null
          && !(original instanceof Change.Remove)
          && r instanceof ChangeResult.Applied) {
        breaker.claimed(f.zone());
      }
      if (original.type() == RecordType.NS && r instanceof ChangeResult.Applied) {
        zoneOf(original.name()).ifPresent(protection::forget);
      }
      results[f.index()] = rebase(r, original);
    }
    return List.copyOf(Arrays.asList(results));
  }

  /**
   * A change to pass on: its position, the change with this gordon's claim, its zone (null when in
   * none), and the deletion as the zone's breaker counted it, if it did.
   */
  private record Forward(
      int index, Change claimed, String zone, Optional<DeletionBreaker.Counted> counted) {}

  /** Checks {@code c} and claims it; throws the refusal. */
  private Forward admit(int index, Change c) {
    Optional<String> zone = zoneOf(c.name());
    Optional<OwnershipException> refusal = zone.flatMap(z -> protection.refusal(c, z));
    if (refusal.isPresent()) {
      throw refusal.get();
    }
    Optional<DeletionBreaker.Counted> counted = Optional.empty();
    if (zone.isPresent() && c instanceof Change.Remove) {
      DeletionBreaker.Admission a = breaker.admit(zone.get(), () -> exists(c));
      if (a.refusal().isPresent()) {
        throw trip(a.refusal().get());
      }
      counted = a.counted();
    }
    return new Forward(
        index,
        c.withOwnership(new Ownership(settings.ownerId(), settings.adopts(c.name()))),
        zone.orElse(null),
        counted);
  }

  /** Whether removal {@code c} would remove anything (read only near the threshold). */
  private boolean exists(Change c) {
    Optional<RecordSet> live = delegate.read(c.name(), c.type());
    return live.isPresent()
        && (((Change.Remove) c).wholeRrset()
            || c.records().rdata().stream().anyMatch(live.get().rdata()::contains));
  }

  private OwnershipException trip(String reason) {
    sink.tripped(reason);
    return new OwnershipException(reason);
  }

  /** The result for the change as the caller gave it (without the claim). */
  private static ChangeResult rebase(ChangeResult r, Change original) {
    return switch (r) {
      case ChangeResult.Applied a -> new ChangeResult.Applied(original);
      case ChangeResult.Unchanged u -> new ChangeResult.Unchanged(original, u.reason());
      case ChangeResult.Failed f -> new ChangeResult.Failed(original, f.error());
    };
  }

  /**
   * The RRsets of {@code zone} whose marker names this owner id.
   *
   * @throws RetriableException when the zone cannot be listed: no deletion without the count
   */
  int ownedCount(String zone) {
    List<RecordSet> all;
    try {
      all = delegate.list(zone);
    } catch (RuntimeException e) {
      throw new RetriableException(
          "cannot list zone "
              + zone
              + " to count its owned RRsets"
              + " for the deletion breaker: "
              + e.getMessage(),
          e);
    }
    int owned = 0;
    for (RecordSet r : all) {
      if (r.type() == RecordType.TXT
          && OwnerMarker.isReserved(r.name())
          && r.rdata().size() == 1
          && OwnerMarker.parse(r.rdata().get(0))
              .filter(m -> m.ownerId().equals(settings.ownerId()))
              .isPresent()) {
        owned++;
      }
    }
    return owned;
  }

  private Optional<String> zoneOf(String name) {
    return delegate.zones().stream()
        .filter(z -> DnsNames.isInZone(name, z))
        .max(Comparator.comparingInt(String::length));
  }

  /**
   * The wrapped provider's: the checks and claims above are thread-safe, and the core keeps
   * concurrent calls of a zone to distinct names and marker names. Not forwarding it hid the
   * provider's concurrency from the router (one call per zone at a time whenever ownership is on).
   */
  @Override
  public int maxConcurrentApplies() {
    return delegate.maxConcurrentApplies();
  }

  @Override
  public String phase() {
    return delegate.phase();
  }

  @Override
  public Set<String> zones() {
    return delegate.zones();
  }

  @Override
  public Optional<RecordSet> read(String name, RecordType type) {
    return delegate.read(name, type);
  }

  @Override
  public List<RecordSet> list(String zone) {
    return delegate.list(zone);
  }

  @Override
  public void check() {
    delegate.check();
  }

  @Override
  public void start() {
    delegate.start();
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public String toString() {
    return "OwnershipProvider[" + settings.ownerId() + ", " + delegate + "]";
  }
}
