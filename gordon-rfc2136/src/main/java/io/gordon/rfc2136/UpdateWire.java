package io.gordon.rfc2136;

import java.util.Arrays;
import java.util.List;

/**
 * Writes an UPDATE message's octets straight from {@link WireOp}s, the octets dnsjava's {@code
 * Message.toWire} writes for the same records (the same order, the same name compression), without
 * building a {@code Record} per prerequisite and update and a {@code Name} per suffix: building and
 * rendering those was two thirds of the provider's CPU per claimed change (docs/benchmarks.md, "The
 * provider's CPU per claimed change, third pass"). {@code UpdateWireTest} checks the octets against
 * dnsjava's for generated changes.
 *
 * <p>Names are compressed as dnsjava compresses them: each suffix of a name is looked up, longest
 * first; a hit becomes a pointer, a miss is written as a label and remembered at its offset when a
 * pointer can reach it (the first 16 KiB). Names are the normal form gordon's model keeps (lower
 * case, no escapes; {@link WireOps} sends anything else the dnsjava way), so comparing them as
 * strings is dnsjava's case-insensitive comparison.
 */
final class UpdateWire {
  private static final int OPCODE_UPDATE = 5 << 11;
  private static final int IN = 1;
  private static final int NONE = 254;
  private static final int ANY = 255;
  private static final int SOA = 6;
  private static final int CNAME = 5;
  private static final int TXT = 16;

  private byte[] out;
  private int pos;
  private final Suffixes suffixes;

  /** The hash of {@code name}'s suffix from each offset, for the name being written. */
  private final int[] suffixHash = new int[256];

  private UpdateWire(int capacity, int names) {
    out = new byte[capacity];
    suffixes = new Suffixes(names);
  }

  /** The UPDATE of {@code zone} holding {@code ops}' prerequisites, then their updates; id 0. */
  static byte[] update(String zone, List<WireOp> ops) {
    int prerequisites = 0;
    int updates = 0;
    int capacity = 64 + zone.length();
    for (WireOp op : ops) {
      prerequisites += op.prerequisiteCount();
      updates += op.updateCount();
      capacity += op.sizeBound();
    }
    // a name or two per op within a pointer's reach: a table that need not grow
    UpdateWire w = new UpdateWire(capacity, Math.min(4 * ops.size(), 2048));
    w.u16(0);
    w.u16(OPCODE_UPDATE);
    w.u16(1);
    w.u16(prerequisites);
    w.u16(updates);
    w.u16(0);
    w.name(zone);
    w.u16(SOA);
    w.u16(IN);
    for (WireOp op : ops) {
      w.prerequisites(op);
    }
    for (WireOp op : ops) {
      w.updates(op);
    }
    return w.pos == w.out.length ? w.out : Arrays.copyOf(w.out, w.pos);
  }

  /** See {@code ChangePlanner.replace} and {@code Markers.replace}: the same records in order. */
  private void prerequisites(WireOp op) {
    if (op.expected() != null) {
      if (op.expected().length == 0) {
        empty(op.name(), op.type(), NONE);
      }
      for (byte[] rdata : op.expected()) {
        record(op.name(), op.type(), IN, 0, rdata);
      }
    }
    empty(op.name(), CNAME, NONE);
    empty(op.marker(), TXT, NONE);
    if (!op.adopt()) {
      empty(op.name(), op.type(), NONE);
    }
  }

  private void updates(WireOp op) {
    if (op.adopt()) {
      empty(op.name(), op.type(), ANY);
    }
    for (byte[] rdata : op.rdata()) {
      record(op.name(), op.type(), IN, op.ttl(), rdata);
    }
    record(op.marker(), TXT, IN, op.ttl(), op.markerText());
  }

  /** A record without rdata: a prerequisite on an RRset, or an RRset's deletion. */
  private void empty(String name, int type, int dclass) {
    record(name, type, dclass, 0, null);
  }

  private void record(String name, int type, int dclass, long ttl, byte[] rdata) {
    int length = rdata == null ? 0 : rdata.length;
    ensure(name.length() + 12 + length);
    name(name);
    u16(type);
    u16(dclass);
    u16((int) (ttl >>> 16));
    u16((int) ttl);
    u16(length);
    if (rdata != null) {
      System.arraycopy(rdata, 0, out, pos, length);
      pos += length;
    }
  }

  /** {@code name} (absolute, normal) compressed against the names written before it. */
  private void name(String name) {
    ensure(name.length() + 2);
    int end = name.length() - 1; // the root's dot
    int h = 0;
    for (int i = end; i >= 0; i--) { // one pass from the end hashes every suffix
      h = 31 * h + name.charAt(i);
      suffixHash[i] = h ^ (h >>> 16);
    }
    for (int start = 0; start < end; ) {
      int at = suffixes.find(name, start, suffixHash[start]);
      if (at >= 0) {
        u16(0xC000 | at);
        return;
      }
      if (pos <= ZoneBatch.POINTER_REACH) {
        suffixes.add(name, start, pos, suffixHash[start]);
      }
      int dot = name.indexOf('.', start);
      out[pos++] = (byte) (dot - start);
      for (int i = start; i < dot; i++) {
        out[pos++] = (byte) name.charAt(i);
      }
      start = dot + 1;
    }
    out[pos++] = 0;
  }

  private void u16(int v) {
    ensure(2);
    out[pos++] = (byte) (v >>> 8);
    out[pos++] = (byte) v;
  }

  private void ensure(int more) {
    if (pos + more > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, pos + more));
    }
  }

  /**
   * The offsets of the name suffixes written so far: open addressing over (name, start) pairs, so
   * that a lookup allocates nothing (dnsjava's table builds a {@code Name} per suffix and chains
   * all of a message's names in 17 buckets).
   */
  private static final class Suffixes {
    private String[] names;
    private int[] starts;
    private int[] offsets;
    private int[] hashes;
    private int size;

    Suffixes(int expected) {
      int capacity = Integer.highestOneBit(Math.max(64, expected) * 2 - 1) * 2;
      names = new String[capacity];
      starts = new int[capacity];
      offsets = new int[capacity];
      hashes = new int[capacity];
    }

    int find(String name, int start, int hash) {
      int mask = names.length - 1;
      for (int i = hash & mask; names[i] != null; i = (i + 1) & mask) {
        if (hashes[i] == hash && same(names[i], starts[i], name, start)) {
          return offsets[i];
        }
      }
      return -1;
    }

    void add(String name, int start, int offset, int hash) {
      if (2 * (size + 1) > names.length) {
        grow();
      }
      put(name, start, offset, hash);
      size++;
    }

    private void put(String name, int start, int offset, int hash) {
      int mask = names.length - 1;
      int i = hash & mask;
      while (names[i] != null) {
        i = (i + 1) & mask;
      }
      names[i] = name;
      starts[i] = start;
      offsets[i] = offset;
      hashes[i] = hash;
    }

    private void grow() {
      String[] n = names;
      int[] s = starts;
      int[] o = offsets;
      int[] h = hashes;
      names = new String[n.length * 2];
      starts = new int[n.length * 2];
      offsets = new int[n.length * 2];
      hashes = new int[n.length * 2];
      for (int i = 0; i < n.length; i++) {
        if (n[i] != null) {
          put(n[i], s[i], o[i], h[i]);
        }
      }
    }

    private static boolean same(String a, int aStart, String b, int bStart) {
      int length = a.length() - aStart;
      return length == b.length() - bStart && a.regionMatches(aStart, b, bStart, length);
    }
  }
}
