package io.gordon.local.zonefile;

import io.gordon.api.model.DnsNames;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contents of one zone file, kept in memory between calls: the SOA, the managed RRsets (found
 * by hash, written in DNS canonical order: {@link RrsetIndex}), and records of other types kept
 * verbatim. Each RRset keeps its lines in master-file form once made, so a rewrite concatenates
 * text instead of formatting every record again. Not thread-safe; the provider edits it under the
 * zone's lock.
 */
final class ZoneData {
  /** Orders names as RFC 4034 6.1 does: by labels from the right; allocation-free. */
  static final Comparator<String> CANONICAL = ZoneData::compareCanonical;

  private final String origin;
  private final int defaultTtl;
  private Soa soa;
  private final RrsetIndex sets = new RrsetIndex();
  private final TreeMap<String, List<RawRecord>> raw = new TreeMap<>(CANONICAL);

  /**
   * RRsets added, replaced or removed since {@link #drainEffects} (what a journal entry holds),
   * each with its state now (null: removed), so that draining looks none of them up again.
   */
  private Map<Key, RecordSet> touched = new LinkedHashMap<>();

  /**
   * {@link #apexNsTargets}, made when first asked after the apex NS changed: asked on every applied
   * change ({@link ZoneCheck#isApexNameServer}), where filtering the RRset each time was a stream
   * per change.
   */
  private List<String> apexNsTargets;

  /** The last journal sequence whose changes this copy holds (named in the file's header). */
  private long sequence;

  ZoneData(String origin, Soa soa, int defaultTtl) {
    this.origin = Objects.requireNonNull(origin, "origin == null");
    this.soa = soa;
    this.defaultTtl = defaultTtl;
  }

  /**
   * An RRset's identity: equal and hashed by name and type, ordered canonically. {@code order},
   * made when first compared, is the name's labels from the right, each followed by a NUL, so that
   * one {@link String#compareTo} (an intrinsic) orders names as {@link #compareCanonical} does; a
   * hash lookup (a batch's reads and writes, {@link RrsetIndex}) never makes it.
   */
  static final class Key implements Comparable<Key> {
    private final String name;
    private final RecordType type;
    private String order;

    Key(String name, RecordType type) {
      this.name = name;
      this.type = type;
    }

    String name() {
      return name;
    }

    RecordType type() {
      return type;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.type == type && k.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + type.name().hashCode();
    }

    @Override
    public String toString() {
      return name + " " + type;
    }

    @Override
    public int compareTo(Key o) {
      int c = order().compareTo(o.order());
      return c != 0 ? c : type.compareTo(o.type);
    }

    private String order() {
      String o = order;
      if (o == null) {
        StringBuilder sb = new StringBuilder(name.length() + 1);
        int end = name.endsWith(".") ? name.length() - 1 : name.length();
        while (end > 0) {
          int start = name.lastIndexOf('.', end - 1) + 1;
          sb.append(name, start, end).append('\0');
          end = start - 1;
        }
        o = sb.toString();
        order = o;
      }
      return o;
    }
  }

  String origin() {
    return origin;
  }

  int defaultTtl() {
    return defaultTtl;
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

  boolean has(String name, RecordType type) {
    return sets.has(new Key(name, type));
  }

  void put(RecordSet set) {
    Key k = new Key(set.name(), set.type());
    sets.put(k, set);
    touched(k, set);
  }

  void remove(String name, RecordType type) {
    Key k = new Key(name, type);
    if (sets.remove(k) != null) {
      touched(k, null);
    }
  }

  private void touched(Key k, RecordSet now) {
    touched.put(k, now);
    if (k.type() == RecordType.NS && k.name().equals(origin)) {
      apexNsTargets = null;
    }
  }

  /** The state of every RRset touched since the last call, for a journal entry; forgets them. */
  List<JournalEntry.Effect> drainEffects() {
    List<JournalEntry.Effect> out = new ArrayList<>(touched.size());
    for (Map.Entry<Key, RecordSet> t : touched.entrySet()) {
      Key k = t.getKey();
      RecordSet now = t.getValue();
      out.add(
          now == null
              ? new JournalEntry.Effect.Delete(k.name(), k.type())
              : new JournalEntry.Effect.Put(now));
    }
    touched.clear();
    return out;
  }

  /** Forgets the RRsets touched so far (they came from the file, or are in it). */
  void forgetTouched() {
    // A new map, not clear(): after a parse it held every RRset, and a cleared map keeps its table,
    // which each batch's clear() then filled again (a megabyte per batch at 100,000 records).
    touched = new LinkedHashMap<>();
  }

  long sequence() {
    return sequence;
  }

  void sequence(long last) {
    this.sequence = last;
  }

  /** Adds parsed rdata to an RRset, keeping the TTL first seen. */
  void merge(RecordSet set) {
    Key k = new Key(set.name(), set.type());
    RecordSet old = sets.get(k);
    RecordSet now = set;
    if (old != null) {
      List<String> all = new ArrayList<>(old.rdata());
      all.addAll(set.rdata());
      now = old.withRdata(all);
    }
    sets.put(k, now);
    touched(k, now);
  }

  void addRaw(RawRecord r) {
    raw.computeIfAbsent(r.owner(), o -> new ArrayList<>()).add(r);
  }

  /** Every type present at {@code name}, managed or not, as mnemonics (SOA included). */
  List<String> typesAt(String name) {
    List<String> out = new ArrayList<>();
    if (name.equals(origin) && soa != null) {
      out.add("SOA");
    }
    for (RecordType t : sets.typesAt(name)) {
      out.add(t.name());
    }
    raw.getOrDefault(name, List.of()).forEach(r -> out.add(r.type()));
    return out;
  }

  /** The in-zone names the apex NS RRset points at (the servers that need an address). */
  List<String> apexNsTargets() {
    List<String> targets = apexNsTargets;
    if (targets == null) {
      RecordSet ns = sets.get(new Key(origin, RecordType.NS));
      targets =
          ns == null ? List.of() : ns.rdata().stream().filter(t -> inZone(t, origin)).toList();
      apexNsTargets = targets;
    }
    return targets;
  }

  /** The managed RRsets in canonical order (a copy). */
  List<RecordSet> sets() {
    return sets.ordered().values().stream().map(RrsetIndex.Entry::set).toList();
  }

  /** The managed RRsets' master-file text in canonical order, as runs of cached bytes. */
  List<byte[]> texts() {
    return sets.texts(defaultTtl);
  }

  /** Runs of text kept (for tests). */
  int runs() {
    return sets.runs();
  }

  /** The records of unmanaged types, by owner in canonical order (a live view). */
  Collection<List<RawRecord>> raw() {
    return raw.values();
  }

  int size() {
    return sets.size();
  }

  static boolean inZone(String name, String zone) {
    return DnsNames.isInZone(name, zone);
  }

  /**
   * Compares absolute names label by label from the right, each label as a string, a label before
   * any longer label it starts (RFC 4034 6.1 for the lower-case names gordon keeps).
   */
  static int compareCanonical(String a, String b) {
    int ea = a.length() - 1;
    int eb = b.length() - 1;
    while (true) {
      if (ea <= 0 || eb <= 0) {
        if (ea <= 0 && eb <= 0) {
          return 0;
        }
        return ea <= 0 ? -1 : 1;
      }
      int sa = a.lastIndexOf('.', ea - 1) + 1;
      int sb = b.lastIndexOf('.', eb - 1) + 1;
      int la = ea - sa;
      int lb = eb - sb;
      for (int i = 0, n = Math.min(la, lb); i < n; i++) {
        int c = Character.compare(a.charAt(sa + i), b.charAt(sb + i));
        if (c != 0) {
          return c;
        }
      }
      if (la != lb) {
        return Integer.compare(la, lb);
      }
      ea = sa - 1;
      eb = sb - 1;
    }
  }
}
