package io.gordon.local.spool;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The turn to fsync (or rotate) a {@link SpoolWriter}'s segment: at most one thread holds it at a
 * time. Appenders whose group is being synced wait on {@link #synced} and are all woken when it is
 * durable, so none of them waits behind the next group's fsync (as they did when each took a sync
 * lock in turn: the first of the next group to get it held it through its own fsync). Thread-safe.
 */
final class SyncTurn {
  /** Guards {@link #syncing}. */
  private final ReentrantLock commitLock = new ReentrantLock();

  private final Condition synced = commitLock.newCondition();
  private boolean syncing;

  /**
   * Waits until no thread fsyncs; then, unless {@code g} is done meanwhile, takes the turn and
   * returns true (the caller must {@link #release()}). With {@code g} null, always takes it.
   */
  boolean claim(CommitGroup g) {
    boolean interrupted = false;
    commitLock.lock();
    try {
      while (syncing && (g == null || !g.done())) {
        try {
          synced.await();
        } catch (InterruptedException e) {
          interrupted = true; // the append's outcome is decided by the fsync; wait for it
        }
      }
      if (g != null && g.done()) {
        return false;
      }
      syncing = true;
      return true;
    } finally {
      commitLock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Ends a turn: wakes the appenders of the group just made durable and the next syncer. */
  void release() {
    commitLock.lock();
    try {
      syncing = false;
      synced.signalAll();
    } finally {
      commitLock.unlock();
    }
  }
}
