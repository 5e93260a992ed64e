package io.gordon.local.spool;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Writes the progress sidecars of spool files on its own thread, so that a settlement only
 * marks a cursor and returns. Each pass writes every cursor that changed since the last one
 * (group commit); a pass starts as soon as anything changed.
 */
final class ProgressCommitter implements Runnable {
  private final System.Logger log;
  private final Set<SpoolCursor> pending = ConcurrentHashMap.newKeySet();
  private final Semaphore work = new Semaphore(0);
  private final Object io = new Object();
  private volatile boolean stopped;

  ProgressCommitter(System.Logger log) {
    this.log = log;
  }

  /** Asks for {@code c}'s progress to be written soon. */
  void changed(SpoolCursor c) {
    pending.add(c);
    work.release();
  }

  @Override
  public void run() {
    while (!stopped) {
      try {
        work.acquire();
        work.drainPermits();
      } catch (InterruptedException e) {
        break;
      }
      flush();
    }
    flush();
  }

  void stop() {
    stopped = true;
    work.release();
  }

  /** Writes every changed cursor's progress now. */
  void flush() {
    synchronized (io) {
      for (SpoolCursor c : pending) {
        pending.remove(c);
        Progress p = c.takeDirty();
        if (p == null) {
          continue;
        }
        try {
          p.write(c.sidecar);
        } catch (IOException e) {
          c.markDirty();
          pending.add(c);
          log.log(System.Logger.Level.WARNING, "cannot write progress of " + c.file + ": " + e);
        }
      }
    }
  }

  /** Runs {@code action} (moving a finished file aside) with no write of its progress racing. */
  void retire(SpoolCursor c, IoAction action) throws IOException {
    synchronized (io) {
      pending.remove(c);
      c.retire();
      action.run();
    }
  }

  /** An action that may fail with an I/O error. */
  interface IoAction {
    void run() throws IOException;
  }
}
