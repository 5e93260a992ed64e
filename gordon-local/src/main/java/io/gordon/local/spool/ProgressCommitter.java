package io.gordon.local.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Writes the progress logs of spool files (see {@link Progress}) on its own thread, so that a
 * settlement only marks its cursor and returns. Each pass appends the numbers of every line settled
 * since the previous pass, to each changed file's log, then fsyncs those logs once (group commit:
 * one fdatasync per file per pass however many settlements it carries). Passes are at least {@link
 * #BATCH} apart, so the disk sees a bounded rate of progress syncs.
 *
 * <p>Trade-off: progress lags the settlements by up to a pass (plus its fsync). Progress only
 * serves "do not repeat completed events": a crash loses at most the last pass, whose lines are
 * submitted again at the next start (the core's dedup and idempotent providers absorb that).
 * Nothing can be skipped: only settled lines are ever appended, and a torn append is ignored when
 * read. The event data itself is fsynced by {@link SpoolWriter} before it is acknowledged,
 * independently of this class.
 *
 * <p>A log is compacted (its snapshot rewritten atomically, appended numbers dropped) when it is
 * first opened in this process (so appends never follow a torn tail), when it holds more than
 * {@link #COMPACT_AFTER} numbers, and once it has been quiet for {@link #QUIET}. A finished file's
 * log is deleted with it.
 */
final class ProgressCommitter implements Runnable {
  static final long BATCH = TimeUnit.MILLISECONDS.toNanos(20);
  static final long QUIET = TimeUnit.MILLISECONDS.toNanos(200);
  static final int COMPACT_AFTER = 20_000;
  private final System.Logger log;
  private final Set<SpoolCursor> pending = ConcurrentHashMap.newKeySet();
  private final Semaphore work = new Semaphore(0);
  private final Object io = new Object();

  /** Cursors whose log has numbers after its snapshot. Guarded by io. */
  private final Set<SpoolCursor> appended = new HashSet<>();

  /** Cursors whose log is open. Guarded by io. */
  private final Set<SpoolCursor> opened = new HashSet<>();

  private volatile boolean stopped;

  ProgressCommitter(System.Logger log) {
    this.log = log;
  }

  /** Asks for {@code c}'s progress to be written soon. */
  void changed(SpoolCursor c) {
    // Under load the cursor is nearly always pending already: a read then, not an add (every
    // settling thread's add of the same key met on one lock) and no wake-up. Not lost: a pass
    // removes a cursor before it takes its settled lines, so lines settled before this check are
    // taken by the pass that removes it.
    if (!pending.contains(c)) {
      pending.add(c);
      work.release();
    }
  }

  @Override
  public void run() {
    while (!stopped) {
      try {
        if (work.tryAcquire(QUIET, TimeUnit.NANOSECONDS)) {
          work.drainPermits();
          long start = System.nanoTime();
          flush();
          TimeUnit.NANOSECONDS.sleep(BATCH - (System.nanoTime() - start));
        }
      } catch (InterruptedException e) {
        break;
      }
      compactQuiet(false);
    }
    flush();
    compactQuiet(true);
    closeAll();
  }

  void stop() {
    stopped = true;
    work.release();
  }

  /** Appends every changed cursor's newly settled lines to its log, then fsyncs the logs. */
  @SuppressWarnings("ModifyCollectionInEnhancedForLoop") // a concurrent set: removal is safe
  void flush() {
    synchronized (io) {
      List<SpoolCursor> written = new ArrayList<>();
      for (SpoolCursor c : pending) {
        pending.remove(c);
        try {
          if (c.log == null || c.appended >= COMPACT_AFTER) {
            compact(c);
          } else if (append(c)) {
            written.add(c);
          }
        } catch (IOException e) {
          failed(c, e);
        }
      }
      for (SpoolCursor c : written) {
        try {
          c.log.force(false);
        } catch (IOException e) {
          failed(c, e);
        }
      }
    }
  }

  private boolean append(SpoolCursor c) throws IOException {
    List<Long> lines = c.takeFresh();
    if (lines.isEmpty()) {
      return false;
    }
    StringBuilder sb = new StringBuilder(lines.size() * 8);
    lines.forEach(n -> sb.append(n).append('\n'));
    ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.US_ASCII));
    while (buf.hasRemaining()) {
      c.log.write(buf);
    }
    c.appended += lines.size();
    c.lastAppend = System.nanoTime();
    appended.add(c);
    return true;
  }

  /** Rewrites {@code c}'s log as one snapshot (fsynced, atomic) and reopens it for appends. */
  private void compact(SpoolCursor c) throws IOException {
    if (c.retired()) {
      return;
    }
    close(c);
    c.snapshot().write(c.sidecar);
    c.log = FileChannel.open(c.sidecar, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    c.appended = 0;
    appended.remove(c);
    opened.add(c);
  }

  /** A failed write: the next change rewrites the whole log, which repairs it. */
  private void failed(SpoolCursor c, IOException e) {
    close(c);
    pending.add(c);
    log.log(System.Logger.Level.WARNING, "cannot write progress of " + c.file + ": " + e);
  }

  private void compactQuiet(boolean all) {
    synchronized (io) {
      long now = System.nanoTime();
      for (SpoolCursor c : new ArrayList<>(appended)) {
        if (all || now - c.lastAppend >= QUIET) {
          try {
            compact(c);
          } catch (IOException e) {
            failed(c, e);
          }
        }
      }
    }
  }

  private void closeAll() {
    synchronized (io) {
      new ArrayList<>(opened).forEach(this::close);
    }
  }

  private void close(SpoolCursor c) {
    if (c.log != null) {
      try {
        c.log.close();
      } catch (IOException e) {
        log.log(System.Logger.Level.DEBUG, "closing progress of " + c.file + ": " + e);
      }
      c.log = null;
    }
    opened.remove(c);
  }

  /** Runs {@code action} (moving a finished file aside) with no write of its progress racing. */
  void retire(SpoolCursor c, IoAction action) throws IOException {
    synchronized (io) {
      pending.remove(c);
      appended.remove(c);
      c.retire();
      close(c);
      action.run();
    }
  }

  /** An action that may fail with an I/O error. */
  interface IoAction {
    void run() throws IOException;
  }
}
