package io.gordon.local.zonefile;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The master-file text of a zone's managed RRsets in canonical order, cut into runs of consecutive
 * RRsets whose bytes are kept: each RRset's text is a slice of its run's array. A replacement or
 * removal marks its own run (the RRset knows it) for rendering again; an added RRset waits in a
 * list until the text is next read, when the waiting ones are sorted (only they) and merged into
 * their runs. So nothing is ordered while batches run: a rewrite costs the sort of what was added
 * since the last one, the changed runs and a copy of the others' bytes. (Before, a {@code TreeMap}
 * of every RRset and one of the runs' first keys were kept in order on every change: a fifth of a
 * 100,000-record batch's CPU in comparisons and cache misses.) Not thread-safe; used under the
 * zone's lock with its {@link ZoneData}.
 */
final class TextRuns {
  /** RRsets per run when a run is cut; a run is cut again once it holds twice as many. */
  static final int RUN = 128;

  /** Consecutive RRsets and their text. */
  static final class Run {
    /** The RRsets in order (removed ones until the run renders again). */
    private Rrset[] members = new Rrset[0];

    /** Added since the run was rendered, in order; null when none. */
    private List<Rrset> added;

    /**
     * The run's text as last rendered, {@link #length} bytes from 0 (null before that): the
     * unchanged members read theirs from it until it renders again. It may be longer than the text
     * (room to grow, so that the next rendering fits when the array is used again).
     */
    private byte[] bytes;

    private int length;

    /**
     * The array the run rendered into before {@link #bytes}, which it renders into again once no
     * written file's content holds it ({@link #previousAt} below the count of writes): a rewrite
     * then allocates no new array for the run. Before, each rewrite of a 100,000-record zone made 4
     * MB of new arrays that the next young collection copied into the old generation (at the
     * launcher's 8 MB young generation, a pause of 10-15 ms after each rewrite).
     */
    private byte[] previous;

    private long previousAt;

    /**
     * One of its RRsets changed since it was rendered. A flag rather than dropping {@link #bytes}:
     * the unchanged members still read that array, and a store of a plain field into this
     * long-lived object marks no card for the collector to scan.
     */
    private boolean stale = true;

    byte[] bytes() {
      return bytes;
    }

    private Rrset first() {
      return members.length > 0 ? members[0] : added.get(0);
    }
  }

  private List<Run> runs = new ArrayList<>();

  /** Where changed RRsets' text waits for its run to render: free again after each catch-up. */
  private final TextArena arena;

  TextRuns(TextArena arena) {
    this.arena = arena;
  }

  /** Added RRsets not in a run yet, in no order. */
  private final List<Rrset> waiting = new ArrayList<>();

  /** Files written from the runs' text: see {@link #written}. */
  private long writes;

  /**
   * A file was written from the text as last read, and the caller keeps that content (the base of a
   * later merge, {@code ZoneStore}) in place of what it kept before: the arrays the runs rendered
   * before that text may be rendered into again.
   */
  void written() {
    writes++;
  }

  /** {@code set} is new: it joins its run when the text is next read. */
  void added(Rrset set) {
    waiting.add(set);
  }

  /** {@code set} was replaced or removed: its run renders again when the text is next read. */
  static void changed(Rrset set) {
    if (set.run != null) {
      set.run.stale = true;
    }
  }

  /** Every run's text in order, rendering the changed runs first: fresh buffers on its arrays. */
  List<ByteBuffer> texts() {
    catchUp();
    List<ByteBuffer> out = new ArrayList<>(runs.size());
    for (Run r : runs) {
      out.add(ByteBuffer.wrap(r.bytes, 0, r.length));
    }
    return out;
  }

  /** Visits every RRset in canonical order. */
  void forEach(Consumer<Rrset> visit) {
    catchUp();
    for (Run r : runs) {
      for (Rrset s : r.members) {
        visit.accept(s);
      }
    }
  }

  /** Runs kept (for tests). */
  int runs() {
    catchUp();
    return runs.size();
  }

  private void catchUp() {
    place();
    List<Run> next = new ArrayList<>(runs.size() + 1);
    for (Run r : runs) {
      if (r.stale) {
        render(r, next);
      } else {
        next.add(r);
      }
    }
    runs = next;
    arena.clear(); // every RRset in the table is in a rendered run: none reads the arena
  }

  /** Sorts the waiting RRsets and hands each to the run its place falls in. */
  private void place() {
    waiting.removeIf(s -> s.removed);
    if (waiting.isEmpty()) {
      return;
    }
    waiting.sort(Rrset::compare);
    if (runs.isEmpty()) {
      runs.add(new Run());
    }
    int r = 0;
    for (Rrset s : waiting) {
      while (r + 1 < runs.size() && Rrset.compare(runs.get(r + 1).first(), s) <= 0) {
        r++;
      }
      Run run = runs.get(r);
      if (run.added == null) {
        run.added = new ArrayList<>();
      }
      run.added.add(s);
      run.stale = true;
      s.run = run;
    }
    waiting.clear();
  }

  /**
   * Renders one run from its members and additions into {@code out}, cutting off runs of {@link
   * #RUN} from its front while it holds twice that (so runs stay between {@code RUN} and {@code 2 *
   * RUN} RRsets as a zone grows), and dropping it when it is empty.
   */
  private void render(Run run, List<Run> out) {
    Rrset[] all = merge(run.members, run.added);
    run.added = null;
    int from = 0;
    while (all.length - from >= 2 * RUN) {
      out.add(render(new Run(), all, from, from + RUN));
      from += RUN;
    }
    if (all.length > from) {
      out.add(render(run, all, from, all.length));
    }
  }

  private Run render(Run run, Rrset[] all, int from, int to) {
    int size = 0;
    for (int i = from; i < to; i++) {
      size += all[i].length;
    }
    byte[] bytes = into(run, size);
    int at = 0;
    for (int i = from; i < to; i++) {
      Rrset s = all[i];
      // Read before the RRset moves: its old run's array is replaced only after the loop.
      System.arraycopy(s.text(), s.offset, bytes, at, s.length);
      s.rendered(run, at); // the run's array is now the one copy of the text
      at += s.length;
    }
    run.members = Arrays.copyOfRange(all, from, to);
    if (run.bytes != null) {
      run.previous = run.bytes;
      run.previousAt = writes;
    }
    run.bytes = bytes;
    run.length = size;
    run.stale = false;
    return run;
  }

  /**
   * The array {@code run} renders {@code size} bytes into: its previous one when a file written
   * since holds the content that replaced it and it is large enough, else a new one with an eighth
   * more room (the runs of a zone whose names come and go change size a little at each rewrite).
   */
  private byte[] into(Run run, int size) {
    byte[] p = run.previous;
    if (p != null && run.previousAt < writes && p.length >= size) {
      run.previous = null;
      return p;
    }
    return new byte[size + size / 8];
  }

  /** The members still present and the additions, in order. */
  private static Rrset[] merge(Rrset[] members, List<Rrset> added) {
    List<Rrset> more = added == null ? List.of() : added;
    Rrset[] out = new Rrset[members.length + more.size()];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < members.length || j < more.size()) {
      if (i < members.length && members[i].removed) {
        i++;
      } else if (j < more.size() && more.get(j).removed) {
        j++;
      } else if (j == more.size()
          || (i < members.length && Rrset.compare(members[i], more.get(j)) <= 0)) {
        out[n++] = members[i++];
      } else {
        out[n++] = more.get(j++);
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }
}
