package io.gordon.local.zonefile;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A zone's managed RRsets: found by hash ({@link RrsetTable}), each kept as its text alone ({@link
 * Rrset}), and written in canonical order from runs of that text ({@link TextRuns}), which are put
 * in order only when read. A batch's reads and writes touch the table and the RRsets they change,
 * so their cost does not grow with the zone, and what a change leaves alive is the RRset's new
 * text: one array until the next rewrite, then a slice of its run's. Not thread-safe; used under
 * the zone's lock with its {@link ZoneData}.
 */
final class RrsetIndex {
  private final int defaultTtl;
  private final RrsetTable table = new RrsetTable();
  private final TextArena arena = new TextArena();
  private final TextRuns runs = new TextRuns(arena);

  /**
   * The RRset last found, or null: a change reads its RRset and then writes it, and the second
   * lookup in a large table was another few cache misses per change.
   */
  private Rrset last;

  /**
   * The lines {@link #holds} rendered and the set it rendered them for: a replacement asks whether
   * the zone holds its set already and, when not, puts the same set, which then needs no second
   * rendering.
   */
  private RecordSet renderedFor;

  private byte[] rendered;

  /** What {@link #prefetch} read, kept so that its reads are not optimized away. */
  private long touched;

  RrsetIndex(int defaultTtl) {
    this.defaultTtl = defaultTtl;
  }

  /** Brings the names' table slots, RRsets and text into the caches: {@link RrsetTable#touch}. */
  void prefetch(String[] names) {
    touched += table.touch(names);
  }

  /** The RRset of {@code name} and {@code type}, or null. */
  RecordSet get(String name, RecordType type) {
    Rrset s = find(name, type);
    return s == null ? null : s.set(name);
  }

  /** Whether the RRset of {@code set}'s name and type holds exactly its records, in its order. */
  boolean holds(RecordSet set) {
    Rrset s = find(set.name(), set.type());
    if (s == null) {
      return false;
    }
    renderedFor = set;
    rendered = Rrset.lines(set, defaultTtl);
    return s.holds(set, rendered);
  }

  boolean has(String name, RecordType type) {
    return find(name, type) != null;
  }

  private Rrset find(String name, RecordType type) {
    Rrset l = last;
    if (l != null && l.type == type && l.hash == name.hashCode() && l.named(name)) {
      return l;
    }
    Rrset s = table.get(name, type);
    if (s != null) {
      last = s;
    }
    return s;
  }

  /** Sets the RRset of {@code set}'s name and type to {@code set} (which has records). */
  @SuppressWarnings("ReferenceEquality") // the very set holds() rendered, not an equal one
  void put(RecordSet set) {
    Rrset s = find(set.name(), set.type());
    if (s == null) {
      s = new Rrset(set, set == renderedFor ? rendered : Rrset.lines(set, defaultTtl), arena);
      table.add(s);
      runs.added(s);
      last = s;
    } else {
      s.replace(set, set == renderedFor ? rendered : Rrset.lines(set, defaultTtl));
      TextRuns.changed(s);
    }
    renderedFor = null;
    rendered = null;
  }

  /** Removes the RRset of {@code name} and {@code type}; returns whether there was one. */
  boolean remove(String name, RecordType type) {
    Rrset s = find(name, type);
    if (s == null) {
      return false;
    }
    table.remove(s);
    s.removed = true;
    TextRuns.changed(s);
    if (s == last) {
      last = null;
    }
    return true;
  }

  /** The types present at {@code name}, in {@link RecordType} order. */
  List<RecordType> typesAt(String name) {
    int bits = table.types(name);
    if (bits == 0) {
      return List.of();
    }
    List<RecordType> out = new ArrayList<>(Integer.bitCount(bits));
    for (; bits != 0; bits &= bits - 1) {
      out.add(RrsetTable.type(Integer.numberOfTrailingZeros(bits)));
    }
    return out;
  }

  int size() {
    return table.size();
  }

  /** The sum of what {@link #prefetch} read (for tests). */
  long touched() {
    return touched;
  }

  /** The RRsets in canonical order (a copy). */
  List<RecordSet> sets() {
    List<RecordSet> out = new ArrayList<>(table.size());
    runs.forEach(s -> out.add(s.set(null)));
    return out;
  }

  /** The RRsets' master-file text in canonical order, as runs of cached bytes. */
  List<ByteBuffer> texts() {
    return runs.texts();
  }

  /** A file was written from {@link #texts}' last text: see {@link TextRuns#written}. */
  void written() {
    runs.written();
  }

  /** Runs of text kept (for tests). */
  int runs() {
    return runs.runs();
  }
}
