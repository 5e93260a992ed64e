package io.gordon.gcp.dns;

import com.google.api.services.dns.model.ResourceRecordSet;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Cloud DNS writes of a plan, each carrying the precondition that makes Cloud DNS refuse it
 * when the live data is not what the plan was made against. An RRset (record or owner marker) that
 * changes is deleted exactly as read (412, or 404 when gone) and/or added (409 when it exists). One
 * the plan relied on but that ends as it was read is guarded as well, so that nothing the plan
 * decided goes unchecked: if present, it is deleted as read and added back unchanged; if absent
 * (changes that cancel out, such as an addition and then a removal), the first change adds a state
 * it held during the batch and a follow-up change removes it again, exactly as the events did one
 * after the other. Only when such a probe would clash with a CNAME at its name is the RRset left
 * {@link #unguarded()}: the caller then confirms it with a fresh read.
 */
final class ChangeSteps {
  private final Map<String, ResourceRecordSet> liveRaw;
  private final Map<String, RecordSet> live;
  private final Map<String, RecordSet> state;
  private final Map<String, RecordSet> written;
  private final Map<String, Set<String>> typesAtName;
  private final List<RrsetDiff> first = new ArrayList<>();
  private final List<RrsetDiff> followUps = new ArrayList<>();
  private final Set<String> unguarded = new LinkedHashSet<>();

  /**
   * Writes for a plan whose live record sets are {@code liveRaw} (as read) and {@code live} (as
   * parsed), whose result is {@code state}, whose changes gave each key in {@code written} that
   * non-empty state last, and whose names hold the types in {@code typesAtName} at the end.
   */
  ChangeSteps(
      Map<String, ResourceRecordSet> liveRaw,
      Map<String, RecordSet> live,
      Map<String, RecordSet> state,
      Map<String, RecordSet> written,
      Map<String, Set<String>> typesAtName) {
    this.liveRaw = liveRaw;
    this.live = live;
    this.state = state;
    this.written = written;
    this.typesAtName = typesAtName;
  }

  /**
   * Adds the writes for the RRset at {@code key} and, when claimed, its marker at {@code marker}.
   */
  void add(String key, String marker) {
    List<ResourceRecordSet> dels = new ArrayList<>();
    List<ResourceRecordSet> adds = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    if (!diff(key, dels, adds)) {
      unchanged.add(key);
    }
    if (marker != null && !diff(marker, dels, adds)) {
      unchanged.add(marker);
    }
    List<ResourceRecordSet> probes = new ArrayList<>();
    if (unchanged.stream().allMatch(this::guardable)) {
      for (String k : unchanged) {
        ResourceRecordSet asRead = liveRaw.get(k);
        if (asRead != null) {
          dels.add(asRead);
          adds.add(asRead);
        } else {
          ResourceRecordSet probe = toApi(written.get(k));
          adds.add(probe);
          probes.add(probe);
        }
      }
    } else {
      unguarded.add(key);
    }
    if (!dels.isEmpty() || !adds.isEmpty()) {
      first.add(new RrsetDiff(key, dels, adds));
    }
    if (!probes.isEmpty()) {
      followUps.add(new RrsetDiff(key, probes, List.of()));
    }
  }

  /** The first change's diffs, in first-touched order. */
  List<RrsetDiff> first() {
    return first;
  }

  /** What must go once the first change is done: the probes, by record key. */
  List<RrsetDiff> followUps() {
    return followUps;
  }

  /** Record keys the writes do not fully guard: their decisions need a fresh read. */
  Set<String> unguarded() {
    return unguarded;
  }

  /** Adds what changes at {@code key}; whether anything does. */
  private boolean diff(String key, List<ResourceRecordSet> dels, List<ResourceRecordSet> adds) {
    RecordSet before = live.get(key);
    RecordSet after = state.get(key);
    if (ChangePlan.same(before, after)) {
      return false;
    }
    if (before != null) {
      dels.add(liveRaw.get(key));
    }
    if (after != null) {
      adds.add(toApi(after));
    }
    return true;
  }

  /** Whether an unchanged RRset can be guarded: it is present, or a probe would not clash. */
  private boolean guardable(String key) {
    if (liveRaw.containsKey(key)) {
      return true;
    }
    RecordSet probe = written.get(key);
    if (probe == null) {
      return false;
    }
    Set<String> types = typesAtName.getOrDefault(probe.name(), Set.of());
    return probe.type() == RecordType.CNAME
        ? types.stream().allMatch(t -> t.equals("CNAME"))
        : !types.contains("CNAME");
  }

  static ResourceRecordSet toApi(RecordSet r) {
    return new ResourceRecordSet()
        .setKind("dns#resourceRecordSet")
        .setName(r.name())
        .setType(r.type().name())
        .setTtl(r.ttl().getAsInt())
        .setRrdatas(r.rdata());
  }
}
