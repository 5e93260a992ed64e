package io.gordon.local.zonefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The master-file text of a zone's managed RRsets, cut into runs of consecutive RRsets (in
 * canonical order) whose bytes are kept. A change marks only its run for rendering again, so a
 * rewrite of the file costs the changed runs and a copy of the others' bytes, not a walk over every
 * RRset of the zone (which, at tens of thousands of RRsets, was most of the CPU of a small batch).
 * Not thread-safe; used under the zone's lock with its {@link ZoneData}.
 */
final class TextRuns {
  /** RRsets per run when a run is cut; a run is cut again once it holds twice as many. */
  static final int RUN = 128;

  private static final class Run {
    /** The run's text, or null when one of its RRsets changed since it was made. */
    byte[] bytes;
  }

  /** Runs by their first key; {@link #head} holds the keys below the first of them. */
  private final TreeMap<ZoneData.Key, Run> starts = new TreeMap<>();

  private final Run head = new Run();

  /** The RRset at {@code key} was added, replaced or removed. */
  void changed(ZoneData.Key key) {
    Map.Entry<ZoneData.Key, Run> e = starts.floorEntry(key);
    (e == null ? head : e.getValue()).bytes = null;
  }

  /** Every run's text in order, rendering the changed runs from {@code sets} first. */
  List<byte[]> texts(NavigableMap<ZoneData.Key, RrsetIndex.Entry> sets, int defaultTtl) {
    List<Map.Entry<ZoneData.Key, Run>> runs = new ArrayList<>(starts.entrySet());
    List<byte[]> out = new ArrayList<>(runs.size() + 1);
    for (int i = -1; i < runs.size(); i++) {
      ZoneData.Key lo = i < 0 ? null : runs.get(i).getKey();
      ZoneData.Key hi = i + 1 < runs.size() ? runs.get(i + 1).getKey() : null;
      Run run = i < 0 ? head : runs.get(i).getValue();
      if (run.bytes == null) {
        render(lo, run, range(sets, lo, hi), defaultTtl, out);
      } else {
        out.add(run.bytes);
      }
    }
    return out;
  }

  /**
   * Renders one run from its RRsets, cutting off runs of {@link #RUN} from its front while it holds
   * twice that (so runs stay between {@code RUN} and {@code 2 * RUN} RRsets as a zone grows), and
   * dropping it when it is empty (its range then belongs to the run before it).
   */
  private void render(
      ZoneData.Key lo,
      Run run,
      NavigableMap<ZoneData.Key, RrsetIndex.Entry> range,
      int defaultTtl,
      List<byte[]> out) {
    if (range.isEmpty() && lo != null) {
      starts.remove(lo);
      return;
    }
    List<ZoneData.Key> keys = new ArrayList<>(2 * RUN);
    List<byte[]> pieces = new ArrayList<>(2 * RUN);
    for (Map.Entry<ZoneData.Key, RrsetIndex.Entry> e : range.entrySet()) {
      if (pieces.size() == 2 * RUN) {
        run.bytes = join(pieces.subList(0, RUN));
        out.add(run.bytes);
        run = new Run();
        starts.put(keys.get(RUN), run);
        keys.subList(0, RUN).clear();
        pieces.subList(0, RUN).clear();
      }
      keys.add(e.getKey());
      pieces.add(e.getValue().text(defaultTtl));
    }
    run.bytes = join(pieces);
    out.add(run.bytes);
  }

  private static NavigableMap<ZoneData.Key, RrsetIndex.Entry> range(
      NavigableMap<ZoneData.Key, RrsetIndex.Entry> sets, ZoneData.Key lo, ZoneData.Key hi) {
    if (lo == null) {
      return hi == null ? sets : sets.headMap(hi, false);
    }
    return hi == null ? sets.tailMap(lo, true) : sets.subMap(lo, true, hi, false);
  }

  private static byte[] join(List<byte[]> pieces) {
    int size = 0;
    for (byte[] p : pieces) {
      size += p.length;
    }
    byte[] out = new byte[size];
    int at = 0;
    for (byte[] p : pieces) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** Runs kept (for tests). */
  int runs() {
    return starts.size() + 1;
  }
}
