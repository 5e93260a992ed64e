package io.gordon.gcp.dns;

import com.google.api.services.dns.model.ResourceRecordSet;
import io.gordon.api.ConflictException;
import io.gordon.api.GordonException;
import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds a batch of changes for one zone, in order, over the live record sets, and works out the
 * one Cloud DNS change that gets from the live state to the result: for every RRset that differs,
 * a deletion of the live RRset exactly as read (so that a concurrent writer makes Cloud DNS refuse
 * it with 412) and an addition of the result. Pure: no I/O.
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

  /**
   * What must change for one RRset.
   *
   * @param key name/type
   * @param deletion the live RRset as read, or null when absent
   * @param addition the resulting RRset, or null when it goes away
   */
  record Diff(String key, ResourceRecordSet deletion, ResourceRecordSet addition) {
    int additions() {
      return addition == null ? 0 : 1;
    }

    int deletions() {
      return deletion == null ? 0 : 1;
    }

    int bytes() {
      return size(deletion) + size(addition);
    }

    private static int size(ResourceRecordSet r) {
      return r == null ? 0 : r.getRrdatas().stream().mapToInt(String::length).sum();
    }
  }

  private final String zone;
  private final int defaultTtl;
  private final Map<String, ResourceRecordSet> liveRaw = new HashMap<>();
  private final Map<String, RecordSet> live = new HashMap<>();
  private final Map<String, String> unreadable = new HashMap<>();
  private final Map<String, Set<String>> typesAtName = new HashMap<>();
  private final Map<String, RecordSet> state = new LinkedHashMap<>();
  private final List<Verdict> verdicts = new ArrayList<>();

  /**
   * Plans {@code changes} for zone {@code zone} given every live RRset at the names concerned.
   */
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
    String name = r.getName().toLowerCase(java.util.Locale.ROOT);
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

  /** The RRsets whose result differs from the live state, in first-touched order. */
  List<Diff> diffs() {
    List<Diff> out = new ArrayList<>();
    for (Map.Entry<String, RecordSet> e : touched().entrySet()) {
      RecordSet before = live.get(e.getKey());
      RecordSet after = e.getValue();
      if (!same(before, after)) {
        out.add(new Diff(e.getKey(), before == null ? null : liveRaw.get(e.getKey()),
            after == null ? null : toApi(after)));
      }
    }
    return out;
  }

  private Map<String, RecordSet> touched() {
    Map<String, RecordSet> out = new LinkedHashMap<>();
    for (Verdict v : verdicts) {
      if (v instanceof Pending p) {
        out.put(p.key(), state.get(p.key()));
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
    if (expected.isPresent() && !Set.copyOf(expected.get()).equals(current == null ? Set.of()
        : Set.copyOf(current.rdata()))) {
      return new Refused(new ConflictException(PROVIDER, zone, r.name(), r.type().name(),
          "expected " + key + " to hold " + new TreeSet<>(expected.get()) + " but found "
              + (current == null ? "no RRset" : new TreeSet<>(current.rdata()))));
    }
    return switch (c) {
      case Change.Replace rep -> replace(rep, current);
      case Change.Remove rem -> remove(rem, current);
    };
  }

  private Verdict replace(Change.Replace c, RecordSet current) {
    RecordSet r = c.records();
    Set<String> types = typesAtName.getOrDefault(r.name(), new HashSet<>());
    boolean clash = r.type() == RecordType.CNAME
        ? types.stream().anyMatch(t -> !t.equals("CNAME")) : types.contains("CNAME");
    if (clash) {
      return refuse(c, "a CNAME at " + r.name() + " cannot coexist with other data (present: "
          + new TreeSet<>(types) + ")");
    }
    RecordSet desired = r.ttl().isPresent() ? r : r.withTtl(defaultTtl);
    if (same(current, desired)) {
      return new Noop(r.key() + " already holds " + desired.rdata() + " with TTL "
          + desired.ttlOr(defaultTtl));
    }
    state.put(r.key(), desired);
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
      state.put(r.key(), current.withRdata(remaining));
    }
    return new Pending(r.key());
  }

  private Refused refuse(Change c, String why) {
    return new Refused(new ProviderException(PROVIDER, zone, c.name(), c.type().name(), false,
        why, null));
  }

  static boolean same(RecordSet a, RecordSet b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.ttl().equals(b.ttl()) && Set.copyOf(a.rdata()).equals(Set.copyOf(b.rdata()));
  }

  static ResourceRecordSet toApi(RecordSet r) {
    return new ResourceRecordSet().setKind("dns#resourceRecordSet").setName(r.name())
        .setType(r.type().name()).setTtl(r.ttl().getAsInt()).setRrdatas(r.rdata());
  }
}
