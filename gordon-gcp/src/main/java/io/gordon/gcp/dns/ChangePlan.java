package io.gordon.gcp.dns;

import com.google.api.services.dns.model.ResourceRecordSet;
import io.gordon.api.ConflictException;
import io.gordon.api.GordonException;
import io.gordon.api.OwnershipException;
import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds a batch of changes for one zone, in order, over the live record sets, and works out the one
 * Cloud DNS change that gets from the live state to the result: for every RRset that differs, a
 * deletion of the live RRset exactly as read (so that a concurrent writer makes Cloud DNS refuse it
 * with 412) and an addition of the result. Pure: no I/O.
 */
final class ChangePlan {
  static final String PROVIDER = "gcp.publisher";

  /** What planning says about one change before anything is sent. */
  sealed interface Verdict permits Pending, Noop, Refused {}

  /** The change takes effect if the RRset's diff is applied. */
  record Pending(String key) implements Verdict {}

  /** Nothing to do. */
  record Noop(String reason) implements Verdict {}

  /** The change cannot be made. */
  record Refused(GordonException error) implements Verdict {}

  private final String zone;
  private final int defaultTtl;
  private final Map<String, ResourceRecordSet> liveRaw = new HashMap<>();
  private final Map<String, RecordSet> live = new HashMap<>();
  private final Map<String, String> unreadable = new HashMap<>();
  private final Map<String, Set<String>> typesAtName = new HashMap<>();
  private final Map<String, RecordSet> state = new LinkedHashMap<>();
  private final Map<String, String> markers = new HashMap<>();
  private final Map<String, RecordSet> written = new HashMap<>();
  private final List<Verdict> verdicts = new ArrayList<>();
  private ChangeSteps steps;

  /** Plans {@code changes} for zone {@code zone} given every live RRset at the names concerned. */
  ChangePlan(String zone, int defaultTtl, List<Change> changes, List<ResourceRecordSet> liveSets) {
    this.zone = zone;
    this.defaultTtl = defaultTtl;
    for (ResourceRecordSet r : liveSets) {
      index(r);
    }
    state.putAll(live);
    for (Change c : changes) {
      verdicts.add(fold(c));
    }
  }

  private void index(ResourceRecordSet r) {
    String name = r.getName().toLowerCase(Locale.ROOT);
    typesAtName.computeIfAbsent(name, k -> new HashSet<>()).add(r.getType());
    RecordType type;
    try {
      type = RecordType.parse(r.getType());
    } catch (IllegalArgumentException e) {
      return; // SOA and types gordon does not manage: only count for CNAME exclusivity
    }
    String key = name + "/" + type;
    liveRaw.put(key, r);
    try {
      live.put(key, new RecordSet(name, type, OptionalInt.of(r.getTtl()), r.getRrdatas()));
    } catch (IllegalArgumentException e) {
      unreadable.put(key, e.getMessage());
    }
  }

  /** One verdict per change, in order. */
  List<Verdict> verdicts() {
    return verdicts;
  }

  /**
   * The Cloud DNS writes that get from the live state to the result, each RRset that differs with
   * its owner marker's change when claimed, and every RRset the plan relied on guarded by a
   * precondition ({@link ChangeSteps}).
   */
  ChangeSteps steps() {
    if (steps == null) {
      steps = new ChangeSteps(liveRaw, live, state, written, typesAtName);
      for (String key : touched()) {
        steps.add(key, markers.get(key));
      }
    }
    return steps;
  }

  private Set<String> touched() {
    Set<String> out = new LinkedHashSet<>();
    for (Verdict v : verdicts) {
      if (v instanceof Pending p) {
        out.add(p.key());
      }
    }
    return out;
  }

  private Verdict fold(Change c) {
    RecordSet r = c.records();
    String key = r.key();
    if (unreadable.containsKey(key)) {
      return refuse(c, "live RRset " + key + " cannot be read: " + unreadable.get(key));
    }
    if (r.type() == RecordType.NS && r.name().equals(zone)) {
      return refuse(c, "NS records at the zone apex " + zone + " are managed by Cloud DNS");
    }
    RecordSet current = state.get(key);
    Optional<List<String>> expected = c.expected();
    if (expected.isPresent()
        && !Set.copyOf(expected.get())
            .equals(current == null ? Set.of() : Set.copyOf(current.rdata()))) {
      return new Refused(
          new ConflictException(
              PROVIDER,
              zone,
              r.name(),
              r.type().name(),
              "expected "
                  + key
                  + " to hold "
                  + new TreeSet<>(expected.get())
                  + " but found "
                  + (current == null ? "no RRset" : new TreeSet<>(current.rdata()))));
    }
    if (c.ownership().isPresent()) {
      return owned(c, current, c.ownership().get());
    }
    return unclaimed(c, current);
  }

  private Verdict unclaimed(Change c, RecordSet current) {
    return switch (c) {
      case Change.Replace rep -> replace(rep, current);
      case Change.Remove rem -> remove(rem, current);
    };
  }

  /**
   * A claimed change: checked against the RRset's owner marker as read, which the same Cloud DNS
   * change writes (when this owner did not hold it yet) or removes (when the RRset ends empty).
   */
  private Verdict owned(Change c, RecordSet current, Ownership claim) {
    RecordSet r = c.records();
    if (OwnerMarker.isReserved(r.name())) {
      return new Refused(
          new OwnershipException(
              r.name()
                  + " "
                  + r.type()
                  + " is a marker name"
                  + " (names starting with "
                  + OwnerMarker.PREFIX
                  + " are reserved for owner markers);"
                  + " not changed"));
    }
    String markerKey;
    try {
      markerKey = OwnerMarker.nameFor(r.name(), r.type(), zone) + "/" + RecordType.TXT;
    } catch (IllegalArgumentException e) {
      return refuse(c, e.getMessage());
    }
    Optional<String> owner =
        Optional.ofNullable(state.get(markerKey))
            .filter(m -> m.rdata().size() == 1)
            .flatMap(m -> OwnerMarker.parse(m.rdata().get(0)))
            .filter(m -> m.record().equals(r.name()) && m.type() == r.type())
            .map(OwnerMarker::ownerId);
    Optional<OwnershipException> refusal = claim.check(c, current != null, owner);
    if (refusal.isPresent()) {
      return new Refused(refusal.get());
    }
    Verdict v = unclaimed(c, current);
    if (v instanceof Refused) {
      return v;
    }
    markers.put(r.key(), markerKey);
    RecordSet now = state.get(r.key());
    if (now == null && state.get(markerKey) != null) {
      state.put(markerKey, null);
    } else if (now != null) {
      RecordSet wanted =
          new OwnerMarker(claim.ownerId(), r.name(), r.type())
              .recordSet(zone, now.ttlOr(defaultTtl));
      if (!same(wanted, state.get(markerKey))) { // not ours yet, or the record's TTL changed
        set(markerKey, wanted);
        return new Pending(r.key());
      }
    }
    return v;
  }

  private Verdict replace(Change.Replace c, RecordSet current) {
    RecordSet r = c.records();
    Set<String> types = typesAtName.getOrDefault(r.name(), new HashSet<>());
    boolean clash =
        r.type() == RecordType.CNAME
            ? types.stream().anyMatch(t -> !t.equals("CNAME"))
            : types.contains("CNAME");
    if (clash) {
      return refuse(
          c,
          "a CNAME at "
              + r.name()
              + " cannot coexist with other data (present: "
              + new TreeSet<>(types)
              + ")");
    }
    RecordSet desired = r.ttl().isPresent() ? r : r.withTtl(defaultTtl);
    if (same(current, desired)) {
      return new Noop(
          r.key() + " already holds " + desired.rdata() + " with TTL " + desired.ttlOr(defaultTtl));
    }
    set(r.key(), desired);
    typesAtName.computeIfAbsent(r.name(), k -> new HashSet<>()).add(r.type().name());
    return new Pending(r.key());
  }

  private Verdict remove(Change.Remove c, RecordSet current) {
    RecordSet r = c.records();
    if (current == null) {
      return new Noop("nothing to remove: " + r.key() + " does not exist");
    }
    List<String> remaining = c.wholeRrset() ? List.of() : current.rdataNotIn(r);
    if (remaining.size() == current.rdata().size()) {
      return new Noop("nothing to remove: " + r.key() + " holds none of " + r.rdata());
    }
    if (remaining.isEmpty()) {
      state.put(r.key(), null);
      typesAtName.getOrDefault(r.name(), new HashSet<>()).remove(r.type().name());
    } else {
      set(r.key(), current.withRdata(remaining));
    }
    return new Pending(r.key());
  }

  /** Records the state of {@code key} after a change, and the last non-empty state it had. */
  private void set(String key, RecordSet value) {
    state.put(key, value);
    written.put(key, value);
  }

  private Refused refuse(Change c, String why) {
    return new Refused(
        new ProviderException(PROVIDER, zone, c.name(), c.type().name(), false, why, null));
  }

  static boolean same(RecordSet a, RecordSet b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return a.ttl().equals(b.ttl()) && Set.copyOf(a.rdata()).equals(Set.copyOf(b.rdata()));
  }
}
