package io.gordon.local.zonefile;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A zone's managed RRsets, found by hash and kept in canonical order for the file. A batch's reads
 * and writes touch only the hash map (and replace an RRset inside its entry, which the ordered map
 * shares), so their cost does not grow with the zone: in a 100,000-RRset {@link TreeMap} each
 * lookup walked ~17 nodes scattered over the heap (cache misses: a fifth of a batch's CPU), and
 * each insertion dirtied old-generation cards that every young collection then scanned. The ordered
 * map and the text runs catch up on the entries changed since, when the file is written or the
 * RRsets are listed, or once {@link #CATCH_UP} entries wait: what waits is kept in the entries
 * themselves and one list, so that a change leaves no object behind that lives until the next
 * rewrite (at 100,000 records seconds later, long enough for young collections to copy and promote
 * it). Not thread-safe; used under the zone's lock with its {@link ZoneData}.
 */
final class RrsetIndex {
  private static final RecordType[] TYPES = RecordType.values();

  /** Entries waiting beyond which the ordered map catches up at once. */
  static final int CATCH_UP = 4096;

  private final Map<ZoneData.Key, Entry> byKey = new HashMap<>();
  private final TreeMap<ZoneData.Key, Entry> ordered = new TreeMap<>();

  /**
   * Entries added, replaced or removed since the ordered map last caught up, each once: an added
   * one is not in the ordered map yet, a removed one still is (unless it was added since), a
   * replaced one is (shared), its text run to render again.
   */
  private final List<Entry> changed = new ArrayList<>();

  /**
   * The types present at each name, one bit per type: {@link ZoneData#typesAt} (asked on every
   * replacement, for the CNAME rules) costs one lookup instead of one per type, each a cache miss
   * in a large zone.
   */
  private final Map<String, Integer> types = new HashMap<>();

  /** The managed RRsets' text, kept in runs so that a rewrite renders only what changed. */
  private final TextRuns runs = new TextRuns();

  /**
   * The entry last found, or null: a change reads its RRset and then writes it, and the second
   * lookup in a large table was another few cache misses (node, key, name) per change.
   */
  private Entry last;

  /** The RRset at {@code key}, or null. */
  RecordSet get(ZoneData.Key key) {
    Entry e = find(key);
    return e == null ? null : e.set();
  }

  boolean has(ZoneData.Key key) {
    return find(key) != null;
  }

  private Entry find(ZoneData.Key key) {
    Entry l = last;
    if (l != null && l.key.equals(key)) {
      return l;
    }
    Entry e = byKey.get(key);
    if (e != null) {
      last = e;
    }
    return e;
  }

  /** Sets the RRset at {@code key}; returns the one it replaced, or null. */
  RecordSet put(ZoneData.Key key, RecordSet set) {
    Entry e = find(key);
    if (e == null) {
      e = new Entry(key, set);
      byKey.put(key, e);
      last = e;
      types.merge(key.name(), bit(key.type()), (a, b) -> a | b);
      changed(e);
      return null;
    }
    RecordSet old = e.set();
    e.replace(set);
    changed(e);
    return old;
  }

  private void changed(Entry e) {
    if (!e.changed) {
      e.changed = true;
      changed.add(e);
      if (changed.size() > CATCH_UP) {
        ordered();
      }
    }
  }

  /** Removes the RRset at {@code key}; returns it, or null when there was none. */
  RecordSet remove(ZoneData.Key key) {
    Entry e = byKey.remove(key);
    if (e == null) {
      return null;
    }
    if (e == last) {
      last = null;
    }
    int left = types.getOrDefault(key.name(), 0) & ~bit(key.type());
    if (left == 0) {
      types.remove(key.name());
    } else {
      types.put(key.name(), left);
    }
    e.removed = true;
    changed(e);
    return e.set();
  }

  /** The types present at {@code name}, in {@link RecordType} order. */
  List<RecordType> typesAt(String name) {
    int bits = types.getOrDefault(name, 0);
    if (bits == 0) {
      return List.of();
    }
    List<RecordType> out = new ArrayList<>(Integer.bitCount(bits));
    for (RecordType t : TYPES) {
      if ((bits & bit(t)) != 0) {
        out.add(t);
      }
    }
    return out;
  }

  /** A type's bit: its position in the enum, which has fewer than 32 values. */
  @SuppressWarnings("EnumOrdinal") // a bit set in memory, never stored
  private static int bit(RecordType type) {
    return 1 << type.ordinal();
  }

  int size() {
    return byKey.size();
  }

  /** The RRsets in canonical order (a live view, valid until the next change). */
  NavigableMap<ZoneData.Key, Entry> ordered() {
    for (Entry e : changed) {
      e.changed = false;
      if (e.removed) {
        if (e.inOrder) {
          ordered.remove(e.key, e); // unless an entry added again since has taken its place
          e.inOrder = false;
        }
      } else if (!e.inOrder) {
        ordered.put(e.key, e);
        e.inOrder = true;
      }
      runs.changed(e.key);
    }
    changed.clear();
    return ordered;
  }

  /** The RRsets' master-file text in canonical order, as runs of cached bytes. */
  List<byte[]> texts(int defaultTtl) {
    return runs.texts(ordered(), defaultTtl);
  }

  /** Runs of text kept (for tests). */
  int runs() {
    ordered();
    return runs.runs();
  }

  /**
   * An RRset and, once written, its lines of master-file text as UTF-8. A replacement changes the
   * entry in place, so the ordered map that shares it needs no update.
   */
  static final class Entry {
    private final ZoneData.Key key;
    private RecordSet set;
    private byte[] text;

    /** In {@link #changed}; in the ordered map; taken out of the index. */
    private boolean changed;

    private boolean inOrder;
    private boolean removed;

    Entry(ZoneData.Key key, RecordSet set) {
      this.key = key;
      this.set = set;
    }

    RecordSet set() {
      return set;
    }

    void replace(RecordSet next) {
      set = next;
      text = null;
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
}
