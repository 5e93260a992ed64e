package io.gordon.local.spool;

import io.gordon.api.source.OffsetTracker;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reading and settlement state of one spool file. The reader thread consumes lines; any thread
 * settles them. The durable prefix advances only over contiguous settled lines (an {@link
 * OffsetTracker} of line numbers, each marked with the byte offset where it ends), so a restart
 * resumes exactly after the last line whose predecessors are all done, and skips the later lines
 * that were settled too. Thread-safe.
 */
final class SpoolCursor {
  final Path file;
  final Path sidecar;

  /** The file's name, made once: every line's message id and attributes name it. */
  private final String name;

  /** See {@link #hashCode()}. */
  private final int hash;

  /** When its lines were received, where recorded. Reader thread only. */
  final Receipts receipts;

  /** Bytes consumed so far (complete lines only). Reader thread only. */
  long readOffset;

  /** Lines consumed so far. Reader thread only. */
  long lineNo;

  /** Skipping the rest of an overlong line. Reader thread only. */
  boolean skipping;

  /** The overlong line being skipped, and its first bytes. Reader thread only. */
  long skipLine;

  String skipHead = "";

  private final OffsetTracker tracker;

  /** Lines after the durable prefix that were settled before a restart. Guarded by this. */
  private final Set<Long> restored;

  /** Lines settled since the progress log last took them. Guarded by this. */
  private List<Long> fresh = new ArrayList<>();

  /** The open progress log; null until its first compaction. Committer (io lock) only. */
  FileChannel log;

  /** Numbers appended to the log since its snapshot. Committer (io lock) only. */
  int appended;

  /** When the log was last appended to (nanoTime). Committer (io lock) only. */
  long lastAppend;

  SpoolCursor(Path file, Path sidecar, Progress p) {
    this.file = file;
    this.sidecar = sidecar;
    this.name = file.getFileName().toString();
    this.hash = file.hashCode();
    this.receipts = new Receipts(Receipts.sideFile(file));
    this.readOffset = p.offset();
    this.lineNo = p.line();
    this.tracker = new OffsetTracker(p.line(), p.offset());
    this.restored = new HashSet<>(p.settled());
  }

  String name() {
    return name;
  }

  /**
   * A hash kept in a field (equality stays identity): the identity hash of an object whose monitor
   * is contended, as this one's is by settling threads, is read through the monitor, and each
   * settlement looks the cursor up in the committer's pending set (8% of the service's samples).
   */
  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  /**
   * Records that line {@code line} (ending at byte {@code end}) was read. Returns false when it was
   * settled before a restart and must not be submitted again.
   */
  synchronized boolean consumed(long line, long end) {
    tracker.open(line, end);
    if (!restored.isEmpty()
        && restored.remove(line)) { // boxes a Long only while restored lines remain
      // already in the progress log: settle it without appending it again
      tracker.settle(line);
      return false;
    }
    return true;
  }

  /** Marks {@code line} settled; the durable prefix advances over contiguous settled lines. */
  synchronized void settle(long line) {
    if (tracker.settle(line)) {
      fresh.add(line);
    }
  }

  /** Whether every consumed line is settled. */
  boolean idle() {
    return tracker.idle();
  }

  /** Takes the lines settled since the last call, to append to the progress log. */
  synchronized List<Long> takeFresh() {
    if (tracker.retired() || fresh.isEmpty()) {
      return List.of();
    }
    List<Long> out = fresh;
    fresh = new ArrayList<>();
    return out;
  }

  /** The whole progress, for a compacted log; it covers every line settled so far. */
  synchronized Progress snapshot() {
    fresh = new ArrayList<>();
    Set<Long> later = new HashSet<>(tracker.settledPastPrefix());
    later.addAll(restored);
    return new Progress(tracker.committedMark(), tracker.committed(), later);
  }

  boolean retired() {
    return tracker.retired();
  }

  /** The file is finished: its progress must never be written again. */
  void retire() {
    tracker.retire();
  }
}
