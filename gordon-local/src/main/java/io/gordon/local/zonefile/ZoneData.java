package io.gordon.local.zonefile;

import io.gordon.api.model.DnsNames;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contents of one zone file, as a working copy: the SOA, the managed RRsets in DNS
 * canonical order, and records of other types kept verbatim. Not thread-safe; the provider
 * edits one copy per call under the zone's lock.
 */
final class ZoneData {
  /** Orders names as RFC 4034 6.1 does: by labels from the right. */
  static final Comparator<String> CANONICAL = Comparator.comparing(ZoneData::reversed);

  private final String origin;
  private Soa soa;
  private final TreeMap<Key, RecordSet> sets = new TreeMap<>();
  private final List<RawRecord> raw = new ArrayList<>();

  ZoneData(String origin, Soa soa) {
    this.origin = Objects.requireNonNull(origin, "origin == null");
    this.soa = soa;
  }

  /** An RRset's identity, in canonical order. */
  record Key(String name, RecordType type) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = CANONICAL.compare(name, o.name);
      return c != 0 ? c : type.compareTo(o.type);
    }
  }

  String origin() {
    return origin;
  }

  Soa soa() {
    return soa;
  }

  void soa(Soa next) {
    this.soa = next;
  }

  Optional<RecordSet> get(String name, RecordType type) {
    return Optional.ofNullable(sets.get(new Key(name, type)));
  }

  void put(RecordSet set) {
    sets.put(new Key(set.name(), set.type()), set);
  }

  void remove(String name, RecordType type) {
    sets.remove(new Key(name, type));
  }

  /** Adds parsed rdata to an RRset, keeping the TTL first seen. */
  void merge(RecordSet set) {
    Key k = new Key(set.name(), set.type());
    RecordSet old = sets.get(k);
    if (old == null) {
      sets.put(k, set);
    } else {
      List<String> all = new ArrayList<>(old.rdata());
      all.addAll(set.rdata());
      sets.put(k, old.withRdata(all));
    }
  }

  void addRaw(RawRecord r) {
    raw.add(r);
  }

  /** Every type present at {@code name}, managed or not, as mnemonics (SOA included). */
  List<String> typesAt(String name) {
    List<String> out = new ArrayList<>();
    if (name.equals(origin) && soa != null) {
      out.add("SOA");
    }
    for (Map.Entry<Key, RecordSet> e : sets.subMap(new Key(name, RecordType.values()[0]), true,
        new Key(name, RecordType.values()[RecordType.values().length - 1]), true).entrySet()) {
      out.add(e.getKey().type().name());
    }
    raw.stream().filter(r -> r.owner().equals(name)).forEach(r -> out.add(r.type()));
    return out;
  }

  List<RecordSet> sets() {
    return List.copyOf(sets.values());
  }

  List<RawRecord> raw() {
    List<RawRecord> out = new ArrayList<>(raw);
    out.sort(Comparator.comparing(RawRecord::owner, CANONICAL));
    return out;
  }

  private static String reversed(String name) {
    if (name.equals(".")) {
      return "";
    }
    String[] labels = name.substring(0, name.length() - 1).split("\\.");
    StringBuilder sb = new StringBuilder();
    for (int i = labels.length - 1; i >= 0; i--) {
      sb.append(labels[i]).append('\u0000');
    }
    return sb.toString();
  }

  static boolean inZone(String name, String zone) {
    return DnsNames.isInZone(name, zone);
  }
}
