package io.gordon.local.zonefile;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One managed RRset as a zone keeps it: only its lines of master-file text, as UTF-8 bytes, which
 * are at once what a rewrite writes and where its name, TTL and records are read back from. Once
 * its run of text has been rendered ({@link TextRuns}) the bytes are a slice of the run's array, so
 * the text exists once; the RRset finds that array through its run, so that a rewrite stores the
 * new array into the run alone and not into each of its RRsets (at 100,000 records a reference
 * stored into every RRset of the zone, long promoted: every card of the 5 MB of RRsets marked for
 * the next young collection to scan). Before, an RRset was a {@code RecordSet} with its name,
 * {@code OptionalInt}, list and rdata strings, a second copy of its text, a key and a map node in
 * each of two maps: about ten objects that a replacement left to die only when the name was
 * replaced again (at 100,000 records long after young collections had copied and promoted them).
 */
final class Rrset {
  final RecordType type;

  /** The name's {@link String#hashCode}. */
  final int hash;

  /** Length of the name, the text's first bytes up to the first space. */
  private final int nameLength;

  /**
   * The text: {@code length} bytes from {@code offset} of that chunk of the zone's {@link
   * TextArena} when {@link #chunk} is not negative, else of {@code bytes} when that is not null (an
   * RRset made without an arena, until its run renders), else of its run's array.
   */
  private byte[] bytes;

  /** The arena's chunk that holds the text, or -1. */
  int chunk = -1;

  /** Where a replacement's text goes; null: an array of the RRset's own. */
  private final TextArena arena;

  int offset;
  int length;

  /** The RRset came without a TTL (its lines carry the zone's default). */
  private boolean ttlImplicit;

  /** The run whose text holds (or, when it is to render again, will hold) these lines. */
  TextRuns.Run run;

  /** Its number in its zone's {@link RrsetTable}, or -1 when not in one. */
  int number = -1;

  /** Taken out of the index; its run drops it when rendered again. */
  boolean removed;

  Rrset(RecordSet set, int defaultTtl) {
    this(set, lines(set, defaultTtl), null);
  }

  /** {@code set}, rendered as {@code lines}, its text kept in {@code arena} (or its own array). */
  Rrset(RecordSet set, byte[] lines, TextArena arena) {
    this.type = set.type();
    this.hash = set.name().hashCode();
    this.nameLength = utf8Length(set.name());
    this.arena = arena;
    replace(set, lines);
  }

  /** Takes {@code set}'s records and TTL; its own array until the run renders again. */
  void replace(RecordSet set, int defaultTtl) {
    replace(set, lines(set, defaultTtl));
  }

  /** Takes {@code set}'s records and TTL, already rendered as {@code lines}. */
  void replace(RecordSet set, byte[] lines) {
    if (arena != null) {
      arena.put(this, lines); // ints only: no reference stored into a long-lived RRset
    } else {
      bytes = lines;
      chunk = -1;
      offset = 0;
      length = lines.length;
    }
    ttlImplicit = set.ttl().isEmpty();
  }

  /** The array that holds the text, from {@link #offset}. */
  byte[] text() {
    if (chunk >= 0) {
      return arena.chunk(chunk);
    }
    return bytes != null ? bytes : run.bytes();
  }

  /**
   * The text now lies in {@code to}'s array (set once the run is rendered) from {@code at}: the
   * arena's copy is no longer read. Stores a reference only when the RRset moves to another run.
   */
  void rendered(TextRuns.Run to, int at) {
    if (bytes != null) {
      bytes = null;
    }
    if (run != to) {
      run = to;
    }
    chunk = -1;
    offset = at;
  }

  /**
   * {@code set}'s master-file lines as UTF-8, written straight into the array when every string is
   * ASCII (names always are; rdata nearly always), else through a string.
   */
  static byte[] lines(RecordSet set, int defaultTtl) {
    String name = set.name();
    String type = set.type().name();
    String ttl = Integer.toString(set.ttlOr(defaultTtl));
    int size = 0;
    boolean ascii = ascii(name);
    for (String rdata : set.rdata()) {
      size += name.length() + ttl.length() + type.length() + rdata.length() + 7;
      ascii &= ascii(rdata);
    }
    if (!ascii) {
      StringBuilder sb = new StringBuilder(size);
      for (String rdata : set.rdata()) {
        ZoneFileWriter.line(sb, name, set.ttlOr(defaultTtl), type, rdata);
      }
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
    byte[] out = new byte[size];
    int at = 0;
    for (String rdata : set.rdata()) {
      at = put(out, at, name, ' ');
      at = put(out, at, ttl, ' ');
      at = put(out, at, "IN", ' ');
      at = put(out, at, type, ' ');
      at = put(out, at, rdata, '\n');
    }
    return out;
  }

  @SuppressWarnings("deprecation") // exactly right for ASCII, and a copy without a loop per char
  private static int put(byte[] out, int at, String s, char after) {
    s.getBytes(0, s.length(), out, at);
    out[at + s.length()] = (byte) after;
    return at + s.length() + 1;
  }

  /** Whether the RRset is {@code set} exactly: the same lines (records in the same order). */
  boolean holds(RecordSet set, int defaultTtl) {
    return holds(set, lines(set, defaultTtl));
  }

  /** {@link #holds}, given {@code set}'s lines. */
  boolean holds(RecordSet set, byte[] lines) {
    return ttlImplicit == set.ttl().isEmpty()
        && java.util.Arrays.equals(lines, 0, lines.length, text(), offset, offset + length);
  }

  /** Whether this is the RRset of {@code name}, whose hash matched. */
  boolean named(String name) {
    int n = name.length();
    if (n != nameLength) {
      return n < nameLength && !ascii(name) && equalsUtf8(name);
    }
    byte[] bytes = text();
    for (int i = 0; i < n; i++) {
      if (name.charAt(i) != (char) (bytes[offset + i] & 0xff)) {
        return !ascii(name) && equalsUtf8(name);
      }
    }
    return bytes[offset + n] == ' ';
  }

  private boolean equalsUtf8(String name) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    return b.length == nameLength
        && java.util.Arrays.equals(b, 0, b.length, text(), offset, offset + nameLength);
  }

  String name() {
    return new String(text(), offset, nameLength, StandardCharsets.UTF_8);
  }

  /** The RRset as a {@link RecordSet}, named {@code name} (the caller's equal string) or read. */
  RecordSet set(String name) {
    byte[] bytes = text();
    List<String> rdata = new ArrayList<>(1);
    int ttl = 0;
    int at = offset;
    int end = offset + length;
    while (at < end) {
      int afterName = at + nameLength + 1;
      int afterTtl = indexOf(bytes, ' ', afterName, end) + 1;
      if (rdata.isEmpty()) {
        ttl = parseInt(bytes, afterName, afterTtl - 1);
      }
      int rdataAt = indexOf(bytes, ' ', indexOf(bytes, ' ', afterTtl, end) + 1, end) + 1;
      int lineEnd = indexOf(bytes, '\n', rdataAt, end);
      rdata.add(new String(bytes, rdataAt, lineEnd - rdataAt, StandardCharsets.UTF_8));
      at = lineEnd + 1;
    }
    return new RecordSet(
        name != null ? name : name(),
        type,
        ttlImplicit ? OptionalInt.empty() : OptionalInt.of(ttl),
        rdata);
  }

  /**
   * Orders RRsets canonically (RFC 4034 6.1) by the names at the start of their texts, compared
   * label by label from the right, then by type; allocation-free.
   */
  static int compare(Rrset a, Rrset b) {
    int c = compareNames(a.text(), a.offset, a.nameLength, b.text(), b.offset, b.nameLength);
    return c != 0 ? c : a.type.compareTo(b.type);
  }

  private static int compareNames(byte[] a, int oa, int na, byte[] b, int ob, int nb) {
    int ea = na - 1; // the trailing dot of an absolute name
    int eb = nb - 1;
    while (true) {
      if (ea <= 0 || eb <= 0) {
        if (ea <= 0 && eb <= 0) {
          return 0;
        }
        return ea <= 0 ? -1 : 1;
      }
      int sa = lastDot(a, oa, ea - 1) + 1;
      int sb = lastDot(b, ob, eb - 1) + 1;
      int c = java.util.Arrays.compareUnsigned(a, oa + sa, oa + ea, b, ob + sb, ob + eb);
      if (c != 0) {
        return c;
      }
      ea = sa - 1;
      eb = sb - 1;
    }
  }

  private static int lastDot(byte[] b, int offset, int from) {
    for (int i = from; i >= 0; i--) {
      if (b[offset + i] == '.') {
        return i;
      }
    }
    return -1;
  }

  private int indexOf(byte[] bytes, char c, int from, int end) {
    for (int i = from; i < end; i++) {
      if (bytes[i] == c) {
        return i;
      }
    }
    throw new IllegalStateException("malformed cached line of " + name() + " " + type);
  }

  private static int parseInt(byte[] bytes, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (bytes[i] - '0');
    }
    return (int) v;
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static int utf8Length(String s) {
    return ascii(s) ? s.length() : s.getBytes(StandardCharsets.UTF_8).length;
  }
}
