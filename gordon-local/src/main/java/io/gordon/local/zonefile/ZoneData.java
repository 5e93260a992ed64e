package io.gordon.local.zonefile;

import io.gordon.api.model.DnsNames;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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
  private final RrsetIndex sets;
  private final TreeMap<String, List<RawRecord>> raw = new TreeMap<>(CANONICAL);

  /**
   * What each put and removal since {@link #drainEffects} did, in order (what a journal entry
   * holds): an RRset changed twice in a batch is there twice, and replaying them in order gives its
   * last state. A list, not a map by key: a batch's map grew and was cleared again every batch.
   */
  private List<JournalEntry.Effect> touched = new ArrayList<>();

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
    this.sets = new RrsetIndex(defaultTtl);
  }

  /** An RRset's identity (the merge's and the parser's maps key RRsets by it). */
  record Key(String name, RecordType type) {
    @Override
    public String toString() {
      return name + " " + type;
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
    return Optional.ofNullable(sets.get(name, type));
  }

  /**
   * Whether the zone holds {@code set} exactly (same TTL, the same records in the same order):
   * compared as text, without making a {@link RecordSet} of the zone's copy.
   */
  boolean holds(RecordSet set) {
    return sets.holds(set);
  }

  /** Reads ahead what looking up {@code names} will read (a batch's first pass over its names). */
  void prefetch(String[] names) {
    sets.prefetch(names);
  }

  boolean has(String name, RecordType type) {
    return sets.has(name, type);
  }

  /** Sets an RRset; one without records is removed (its text would have no line to name it). */
  void put(RecordSet set) {
    if (set.rdata().isEmpty()) {
      remove(set.name(), set.type());
      return;
    }
    sets.put(set);
    touched(new JournalEntry.Effect.Put(set), set.name(), set.type());
  }

  void remove(String name, RecordType type) {
    if (sets.remove(name, type)) {
      touched(new JournalEntry.Effect.Delete(name, type), name, type);
    }
  }

  private void touched(JournalEntry.Effect effect, String name, RecordType type) {
    touched.add(effect);
    if (type == RecordType.NS && name.equals(origin)) {
      apexNsTargets = null;
    }
  }

  /** What every put and removal since the last call did, for a journal entry; forgets them. */
  List<JournalEntry.Effect> drainEffects() {
    List<JournalEntry.Effect> out = touched;
    touched = new ArrayList<>(out.size());
    return out;
  }

  /** Forgets the RRsets touched so far (they came from the file, or are in it). */
  void forgetTouched() {
    touched = new ArrayList<>();
  }

  long sequence() {
    return sequence;
  }

  void sequence(long last) {
    this.sequence = last;
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
      RecordSet ns = sets.get(origin, RecordType.NS);
      targets =
          ns == null ? List.of() : ns.rdata().stream().filter(t -> inZone(t, origin)).toList();
      apexNsTargets = targets;
    }
    return targets;
  }

  /** The managed RRsets in canonical order (a copy). */
  List<RecordSet> sets() {
    return sets.sets();
  }

  /** The managed RRsets' master-file text in canonical order, as runs of cached bytes. */
  List<ByteBuffer> texts() {
    return sets.texts();
  }

  /**
   * A file was written from {@link #texts}' last text and its content kept as the written file's:
   * the text's earlier arrays are free for the next rewrite.
   */
  void written() {
    sets.written();
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
