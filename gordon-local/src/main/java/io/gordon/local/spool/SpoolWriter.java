package io.gordon.local.spool;

import io.gordon.api.model.DnsEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Appends lines to segment files in a spool directory and fsyncs them before returning, so a caller
 * may acknowledge them as durable. A new segment starts at every start and whenever the current one
 * exceeds the segment size; names sort in write order. Thread-safe.
 *
 * <p>Group commit: concurrent appends join the open {@link CommitGroup}; one thread seals it,
 * fsyncs once, and completes every append of the group at once; appends arriving meanwhile join the
 * next group, which the first of them fsyncs as soon as this fsync ends. So at any rate an append
 * waits for at most the fsync in progress and its own group's. An append never leaves a partial
 * record: a failed write (ENOSPC) is truncated back to where it started, and a failed fsync
 * truncates the file back to the last durable offset and fails every append whose bytes went (the
 * callers answer 5xx). Readers see only durable bytes ({@link #readable}), so nothing of a failed
 * append is ever submitted. The segment file itself is a {@link Segment}; the fsync turn a {@link
 * SyncTurn}.
 *
 * <p>With {@link #append(List, Instant)} the receipt time of the lines is also recorded in a side
 * file, {@code .received/<segment>} (see {@link Receipts}), written just before the lines and not
 * fsynced (an entry whose lines were taken back is replaced by the next one, which has the same
 * first line; after a power failure a missing entry only means the age falls back to the file
 * time).
 */
public final class SpoolWriter implements AutoCloseable, SpoolFeed {
  /** Guards the segment, its counters and the open group; parks where a monitor would spin. */
  private final ReentrantLock writeLock = new ReentrantLock();

  /** At most one thread fsyncs (or rotates) at a time. */
  private final SyncTurn turn = new SyncTurn();

  private final Segment segment;
  private final DecodedEvents decoded = new DecodedEvents();
  private volatile Consumer<Path> listener = p -> {};
  private CommitGroup open = new CommitGroup();

  /** Creates a writer of {@code <prefix>-<millis>-<n>.jsonl} segments in {@code directory}. */
  public SpoolWriter(Path directory, String prefix, long segmentBytes, Clock clock) {
    this.segment = new Segment(directory, prefix, segmentBytes, clock);
  }

  /** Appends {@code lines} (no line breaks inside) and returns once they are on disk. */
  public void append(List<String> lines) throws IOException {
    append(lines, null);
  }

  /**
   * Like {@link #append(List, Instant)}; {@code events.get(i)} is what {@code lines.get(i)} decodes
   * to, handed to the reader through {@link #decoded} instead of being decoded again.
   */
  public void append(List<String> lines, List<DnsEvent> events, Instant at) throws IOException {
    decoded.offer(lines, events);
    try {
      append(lines, at);
    } catch (IOException | RuntimeException e) {
      decoded.withdraw(lines);
      throw e;
    }
  }

  @Override
  public Optional<DnsEvent> decoded(String line) {
    return decoded.take(line);
  }

  /**
   * Like {@link #append(List)}, also recording that the lines were received at {@code at}. Throws
   * when the lines are not durable; then none of them is in the file or ever read.
   */
  public void append(List<String> lines, Instant at) throws IOException {
    ByteBuffer buf = Segment.encode(lines);
    CommitGroup mine;
    rotateIfDue();
    writeLock.lock();
    try {
      segment.checkOpen();
      if (at != null) {
        segment.receive(lines.size(), at);
      }
      segment.write(buf, lines.size());
      mine = open;
      mine.add(segment.size(), segment.lines());
    } finally {
      writeLock.unlock();
    }
    commit(mine);
  }

  /**
   * Starts a new segment when due. Rotation waits for any fsync in progress, so an fsync never
   * meets a closed segment; the common case (not due) takes no lock an fsync holds, so appends keep
   * joining the open group while the previous one is being synced.
   */
  private void rotateIfDue() throws IOException {
    writeLock.lock();
    try {
      if (!segment.due()) {
        return;
      }
    } finally {
      writeLock.unlock();
    }
    turn.claim(null);
    try {
      writeLock.lock();
      try {
        if (segment.due()) {
          rotate();
        }
      } finally {
        writeLock.unlock();
      }
    } finally {
      turn.release();
    }
  }

  /**
   * Waits until {@code g} is committed, fsyncing it when no other thread is fsyncing (then {@code
   * g} is the open group: earlier groups complete before their syncer lets go); throws when its
   * fsync failed.
   */
  private void commit(CommitGroup g) throws IOException {
    if (turn.claim(g)) {
      try {
        sync(g);
      } finally {
        turn.release();
      }
    }
    g.outcome();
  }

  /** Seals the open group (which is {@code g}: groups complete in order) and fsyncs it. */
  private void sync(CommitGroup g) {
    FileChannel ch;
    Path file;
    writeLock.lock();
    try {
      open = new CommitGroup();
      ch = segment.channel();
      file = segment.path();
    } finally {
      writeLock.unlock();
    }
    try {
      ch.force(false);
      if (!Files.exists(file)) {
        // Its name is gone (the directory removed): no reader would ever see these lines.
        failed(
            g,
            new IOException(
                "spool segment "
                    + file
                    + " was deleted (was the spool directory removed?); nothing of this append"
                    + " was accepted, the next one starts a new segment"));
        closeDeleted();
        return;
      }
    } catch (IOException | RuntimeException e) {
      failed(g, e);
      return;
    }
    writeLock.lock();
    try {
      segment.durable(file, g.end(), g.lines());
    } finally {
      writeLock.unlock();
    }
    g.succeed();
    listener.accept(file);
  }

  /** Closes a segment whose file was deleted, so that the next append starts a new one. */
  private void closeDeleted() {
    writeLock.lock();
    try {
      closeChannel();
    } catch (IOException e) {
      // closing the channel of a deleted file loses nothing
    } finally {
      writeLock.unlock();
    }
  }

  /** A failed fsync: nothing after the durable offset is trusted, so all of it goes. */
  private void failed(CommitGroup g, Exception e) {
    IOException cause = e instanceof IOException io ? io : new IOException(e);
    writeLock.lock();
    try {
      segment.takeBack(cause);
      CommitGroup later = open;
      open = new CommitGroup();
      later.fail(
          new IOException(
              "a concurrent append's fsync failed ("
                  + cause
                  + "); this append was taken back with it",
              cause));
    } finally {
      writeLock.unlock();
    }
    g.fail(cause);
  }

  @Override
  public boolean active(Path file) {
    return segment.active(file);
  }

  @Override
  public long readable(Path file) {
    return segment.readable(file);
  }

  @Override
  public void onDurable(Consumer<Path> l) {
    this.listener = l;
  }

  /**
   * Starts a new segment. The previous one is fsynced first and its open group completed, so a
   * segment stops being active only once all of it is durable.
   */
  private void rotate() throws IOException {
    finishSegment();
    segment.start();
  }

  /** Fsyncs the open group of the current segment (or takes it back) and closes the segment. */
  private void finishSegment() throws IOException {
    try {
      if (segment.isOpen()) {
        CommitGroup g = open;
        open = new CommitGroup();
        try {
          segment.channel().force(false);
          g.succeed();
        } catch (IOException e) {
          failed(g, e);
          throw e;
        }
      }
    } finally {
      closeChannel();
    }
  }

  private void closeChannel() throws IOException {
    Path was = segment.close();
    if (was != null) {
      listener.accept(was);
    }
  }

  /** Forces and closes the current segment. */
  @Override
  public void close() throws IOException {
    turn.claim(null);
    writeLock.lock();
    try {
      finishSegment();
    } finally {
      writeLock.unlock();
      turn.release();
    }
  }
}
