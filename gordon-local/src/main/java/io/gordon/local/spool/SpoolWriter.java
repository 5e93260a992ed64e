package io.gordon.local.spool;

import io.gordon.local.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends lines to segment files in a spool directory and fsyncs them before returning, so a
 * caller may acknowledge them as durable. Concurrent appends share fsyncs (group commit): an
 * append returns once some fsync that started after its write has finished. A new segment
 * starts at every start and whenever the current one exceeds the segment size; names sort in
 * write order. Thread-safe.
 *
 * <p>With {@link #append(List, Instant)} the receipt time of the lines is also recorded in a
 * side file, {@code .received/<segment>} (see {@link Receipts}), so that an event's age counts
 * from its receipt rather than from the segment's modification time. The side entry is written
 * just before the lines (so a reader never sees a line before its entry; an entry whose lines
 * failed to be written is replaced by the next one, which has the same first line) and is not
 * fsynced: it survives a process
 * crash, while after a power failure a missing entry only means the age falls back to the file
 * time. This keeps the acknowledgement at one fsync per group.
 */
public final class SpoolWriter implements AutoCloseable {
  private final Path directory;
  private final String prefix;
  private final long segmentBytes;
  private final Clock clock;
  /** Guards the segment and its counters; a lock that parks, where a monitor would spin. */
  private final ReentrantLock writeLock = new ReentrantLock();
  /** Held by the one thread fsyncing; the others queue behind it and usually find their
   * bytes synced by it (group commit). */
  private final ReentrantLock syncLock = new ReentrantLock();
  private FileChannel channel;
  private Path current;
  private long size;
  private int seq;
  /** Lines in the current segment, and its receipts side file (opened on first use). */
  private long lines;
  private FileChannel side;
  /** Bytes written since start, over all segments. Guarded by writeLock. */
  private long written;
  /** Bytes known durable; only ever increases. */
  private final AtomicLong synced = new AtomicLong();

  /** Creates a writer of {@code <prefix>-<millis>-<n>.jsonl} segments in {@code directory}. */
  public SpoolWriter(Path directory, String prefix, long segmentBytes, Clock clock) {
    this.directory = directory;
    this.prefix = prefix;
    this.segmentBytes = segmentBytes;
    this.clock = clock;
  }

  /** Appends {@code lines} (no line breaks inside) and returns once they are on disk. */
  public void append(List<String> lines) throws IOException {
    append(lines, null);
  }

  /** Like {@link #append(List)}, also recording that the lines were received at {@code at}. */
  public void append(List<String> lines, Instant at) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
    long mine;
    writeLock.lock();
    try {
      if (channel == null || size >= segmentBytes) {
        rotate();
      }
      size += buf.remaining();
      written += buf.remaining();
      mine = written;
      if (at != null) {
        receipt(this.lines + 1, lines.size(), at);
      }
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      this.lines += lines.size();
    } finally {
      writeLock.unlock();
    }
    syncUpTo(mine);
  }

  /**
   * Records the receipt time of a segment's lines {@code first} to {@code first+count-1}. Best
   * effort: a failure here must not fail the append.
   */
  private void receipt(long first, int count, Instant at) {
    try {
      if (side == null) {
        Path dir = directory.resolve(".received");
        Files.createDirectories(dir);
        side = FileChannel.open(dir.resolve(current.getFileName()), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      }
      ByteBuffer entry = ByteBuffer.wrap((first + " " + count + " " + at.toEpochMilli() + "\n")
          .getBytes(StandardCharsets.US_ASCII));
      while (entry.hasRemaining()) {
        side.write(entry);
      }
    } catch (IOException e) {
      closeSide();
    }
  }

  private void closeSide() {
    try {
      if (side != null) {
        side.close();
      }
    } catch (IOException e) {
      // the entries written so far stay readable
    }
    side = null;
  }

  private void syncUpTo(long mine) throws IOException {
    syncLock.lock();
    try {
      if (synced.get() >= mine) {
        return;
      }
      long target;
      FileChannel ch;
      writeLock.lock();
      try {
        target = written;
        ch = channel;
      } finally {
        writeLock.unlock();
      }
      try {
        ch.force(false);
      } catch (ClosedChannelException e) {
        if (synced.get() >= mine) {
          return;
        }
        throw e;
      }
      synced.accumulateAndGet(target, Math::max);
    } finally {
      syncLock.unlock();
    }
  }

  /** Whether {@code file} is the segment being written. */
  public boolean active(Path file) {
    writeLock.lock();
    try {
      return current != null && current.equals(file);
    } finally {
      writeLock.unlock();
    }
  }

  private void rotate() throws IOException {
    close();
    Files.createDirectories(directory);
    String name = String.format("%s-%013d-%04d.jsonl", prefix, clock.millis(), seq++);
    current = directory.resolve(name);
    channel = FileChannel.open(current, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    size = 0;
    lines = 0;
    AtomicFiles.syncDirectory(directory);
  }

  /** Forces and closes the current segment. */
  @Override
  public void close() throws IOException {
    writeLock.lock();
    try {
      if (channel != null) {
        channel.force(false);
        synced.accumulateAndGet(written, Math::max);
        channel.close();
        channel = null;
        current = null;
        closeSide();
      }
    } finally {
      writeLock.unlock();
    }
  }
}
