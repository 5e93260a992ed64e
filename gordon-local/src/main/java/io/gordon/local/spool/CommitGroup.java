package io.gordon.local.spool;

import java.io.IOException;

/**
 * The appends that one fsync of a {@link SpoolWriter} makes durable: they joined while the group
 * was open, and all succeed or all fail together. Thread-safe.
 */
final class CommitGroup {
  private long end;
  private long lines;
  private boolean done;
  private IOException failure;

  /** An append ending at byte {@code end} (and line {@code lines}) of the segment joined. */
  synchronized void add(long end, long lines) {
    this.end = end;
    this.lines = lines;
  }

  synchronized long end() {
    return end;
  }

  synchronized long lines() {
    return lines;
  }

  synchronized boolean done() {
    return done;
  }

  synchronized void succeed() {
    done = true;
  }

  synchronized void fail(IOException e) {
    done = true;
    failure = e;
  }

  /** Returns when the group is durable; throws its failure otherwise. Call once done. */
  synchronized void outcome() throws IOException {
    if (failure != null) {
      throw new IOException("spool append not durable: " + failure.getMessage(), failure);
    }
  }
}
