package io.gordon.local.spool;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reading and settlement state of one spool file. The reader thread consumes lines; any thread
 * settles them. The durable prefix advances only over contiguous settled lines, so a restart
 * resumes exactly after the last line whose predecessors are all done, and skips the later
 * lines that were settled too. Thread-safe.
 */
final class SpoolCursor {
  final Path file;
  final Path sidecar;
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

  private long committedOffset;
  private long committedLine;
  private final TreeMap<Long, Long> open = new TreeMap<>();
  private final Set<Long> settled = new HashSet<>();
  private final Set<Long> restored;
  /** Lines settled since the progress log last took them. */
  private List<Long> fresh = new ArrayList<>();
  private boolean retired;

  /** The open progress log; null until its first compaction. Committer (io lock) only. */
  FileChannel log;
  /** Numbers appended to the log since its snapshot. Committer (io lock) only. */
  int appended;
  /** When the log was last appended to (nanoTime). Committer (io lock) only. */
  long lastAppend;

  SpoolCursor(Path file, Path sidecar, Progress p) {
    this.file = file;
    this.sidecar = sidecar;
    this.receipts = new Receipts(Receipts.sideFile(file));
    this.readOffset = p.offset();
    this.lineNo = p.line();
    this.committedOffset = p.offset();
    this.committedLine = p.line();
    this.restored = new HashSet<>(p.settled());
  }

  String name() {
    return file.getFileName().toString();
  }

  /**
   * Records that line {@code line} (ending at byte {@code end}) was read. Returns false when it
   * was settled before a restart and must not be submitted again.
   */
  synchronized boolean consumed(long line, long end) {
    open.put(line, end);
    if (restored.remove(line)) {
      advance(line);
      return false;
    }
    return true;
  }

  /** Marks {@code line} settled and advances the durable prefix over settled lines. */
  synchronized void settle(long line) {
    if (open.containsKey(line)) {
      fresh.add(line);
      advance(line);
    }
  }

  /** Marks a consumed line settled (it is already in the log when it was restored). */
  private void advance(long line) {
    settled.add(line);
    while (!open.isEmpty() && settled.remove(open.firstKey())) {
      Map.Entry<Long, Long> first = open.pollFirstEntry();
      committedLine = first.getKey();
      committedOffset = first.getValue();
    }
  }

  /** Whether every consumed line is settled. */
  synchronized boolean idle() {
    return open.isEmpty();
  }

  /** Takes the lines settled since the last call, to append to the progress log. */
  synchronized List<Long> takeFresh() {
    if (retired || fresh.isEmpty()) {
      return List.of();
    }
    List<Long> out = fresh;
    fresh = new ArrayList<>();
    return out;
  }

  /** The whole progress, for a compacted log; it covers every line settled so far. */
  synchronized Progress snapshot() {
    fresh = new ArrayList<>();
    Set<Long> later = new HashSet<>(settled);
    later.addAll(restored);
    return new Progress(committedOffset, committedLine, later);
  }

  synchronized boolean retired() {
    return retired;
  }

  /** The file is finished: its progress must never be written again. */
  synchronized void retire() {
    retired = true;
  }
}
