package io.gordon.local.zonefile;

import io.gordon.api.model.DnsNames;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.nio.charset.StandardCharsets;
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
 * The contents of one zone file, kept in memory between calls: the SOA, the managed RRsets in DNS
 * canonical order, and records of other types kept verbatim. Each RRset keeps its lines in
 * master-file form once made, so a rewrite concatenates text instead of formatting every record
 * again. Not thread-safe; the provider edits it under the zone's lock.
 */
final class ZoneData {
  /** Orders names as RFC 4034 6.1 does: by labels from the right; allocation-free. */
  static final Comparator<String> CANONICAL = ZoneData::compareCanonical;

  private final String origin;
  private final int defaultTtl;
  private Soa soa;
  private final TreeMap<Key, Entry> sets = new TreeMap<>();
  private final TreeMap<String, List<RawRecord>> raw = new TreeMap<>(CANONICAL);

  /** The managed RRsets' text, kept in runs so that a rewrite renders only what changed. */
  private final TextRuns runs = new TextRuns();

  /**
   * RRsets added, replaced or removed since {@link #drainEffects} (what a journal entry holds),
   * each with its state before its first change.
   */
  private final Map<Key, Optional<RecordSet>> touched = new LinkedHashMap<>();

  /** The last journal sequence whose changes this copy holds (named in the file's header). */
  private long sequence;

  ZoneData(String origin, Soa soa, int defaultTtl) {
    this.origin = Objects.requireNonNull(origin, "origin == null");
    this.soa = soa;
    this.defaultTtl = defaultTtl;
  }

  /**
   * An RRset's identity, in canonical order. {@code order} is the name's labels from the right,
   * each followed by a NUL, so that one {@link String#compareTo} (an intrinsic) orders names as
   * {@link #compareCanonical} does: a map lookup costs about 16 of these comparisons in a large
   * zone, which label by label were a fifth of a batch's CPU.
   */
  record Key(String name, RecordType type, String order) implements Comparable<Key> {
    Key(String name, RecordType type) {
      this(name, type, order(name));
    }

    @Override
    public int compareTo(Key o) {
      int c = order.compareTo(o.order);
      return c != 0 ? c : type.compareTo(o.type);
    }

    private static String order(String name) {
      StringBuilder sb = new StringBuilder(name.length() + 1);
      int end = name.endsWith(".") ? name.length() - 1 : name.length();
      while (end > 0) {
        int start = name.lastIndexOf('.', end - 1) + 1;
        sb.append(name, start, end).append('\0');
        end = start - 1;
      }
      return sb.toString();
    }
  }

  /** An RRset and, once written, its lines of master-file text as UTF-8. */
  static final class Entry {
    final RecordSet set;
    private byte[] text;

    Entry(RecordSet set) {
      this.set = set;
    }

    byte[] text(int defaultTtl) {
      if (text == null) {
        StringBuilder sb = new StringBuilder(64 * set.rdata().size());
        for (String rdata : set.rdata()) {
          ZoneFileWriter.line(sb, set.name(), set.ttlOr(defaultTtl), set.type().name(), rdata);
        }
        text = sb.toString().getBytes(StandardCharsets.UTF_8);
      }
      return text;
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
    Entry e = sets.get(new Key(name, type));
    return e == null ? Optional.empty() : Optional.of(e.set);
  }

  boolean has(String name, RecordType type) {
    return sets.containsKey(new Key(name, type));
  }

  void put(RecordSet set) {
    Key k = new Key(set.name(), set.type());
    touch(k, sets.put(k, new Entry(set)));
    runs.changed(k);
  }

  void remove(String name, RecordType type) {
    Key k = new Key(name, type);
    Entry old = sets.remove(k);
    if (old != null) {
      runs.changed(k);
      touch(k, old);
    }
  }

  private void touch(Key k, Entry before) {
    if (!touched.containsKey(k)) {
      touched.put(k, before == null ? Optional.empty() : Optional.of(before.set));
    }
  }

  /**
   * The state of every RRset touched since the last call, for a journal entry, and forgets them;
   * adds the state each had before to {@code before} unless it holds that RRset already.
   */
  List<JournalEntry.Effect> drainEffects(Map<Key, Optional<RecordSet>> before) {
    List<JournalEntry.Effect> out = new ArrayList<>(touched.size());
    for (Map.Entry<Key, Optional<RecordSet>> t : touched.entrySet()) {
      Key k = t.getKey();
      before.putIfAbsent(k, t.getValue());
      Entry e = sets.get(k);
      out.add(
          e == null
              ? new JournalEntry.Effect.Delete(k.name(), k.type())
              : new JournalEntry.Effect.Put(e.set));
    }
    touched.clear();
    return out;
  }

  /** Forgets the RRsets touched so far (they came from the file, or are in it). */
  void forgetTouched() {
    touched.clear();
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
    Entry old = sets.get(k);
    runs.changed(k);
    touch(k, old);
    if (old == null) {
      sets.put(k, new Entry(set));
    } else {
      List<String> all = new ArrayList<>(old.set.rdata());
      all.addAll(set.rdata());
      sets.put(k, new Entry(old.set.withRdata(all)));
    }
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
    RecordType[] all = RecordType.values();
    for (Key k :
        sets.subMap(new Key(name, all[0]), true, new Key(name, all[all.length - 1]), true)
            .keySet()) {
      out.add(k.type().name());
    }
    raw.getOrDefault(name, List.of()).forEach(r -> out.add(r.type()));
    return out;
  }

  /** The in-zone names the apex NS RRset points at (the servers that need an address). */
  List<String> apexNsTargets() {
    Entry ns = sets.get(new Key(origin, RecordType.NS));
    if (ns == null) {
      return List.of();
    }
    return ns.set.rdata().stream().filter(t -> inZone(t, origin)).toList();
  }

  /** The managed RRsets in canonical order (a copy). */
  List<RecordSet> sets() {
    return sets.values().stream().map(e -> e.set).toList();
  }

  /** The managed RRsets with their cached text, in canonical order (a live view). */
  Collection<Entry> entries() {
    return sets.values();
  }

  /** The managed RRsets' master-file text in canonical order, as runs of cached bytes. */
  List<byte[]> texts() {
    return runs.texts(sets, defaultTtl);
  }

  /** Runs of text kept (for tests). */
  int runs() {
    return runs.runs();
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
