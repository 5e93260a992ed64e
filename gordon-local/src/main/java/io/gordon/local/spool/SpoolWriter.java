package io.gordon.local.spool;

import io.gordon.api.model.DnsEvent;
import io.gordon.local.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
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
 * append is ever submitted.
 *
 * <p>With {@link #append(List, Instant)} the receipt time of the lines is also recorded in a side
 * file, {@code .received/<segment>} (see {@link Receipts}), written just before the lines and not
 * fsynced (an entry whose lines were taken back is replaced by the next one, which has the same
 * first line; after a power failure a missing entry only means the age falls back to the file
 * time).
 */
public final class SpoolWriter implements AutoCloseable, SpoolFeed {
  private final Path directory;
  private final String prefix;
  private final long segmentBytes;
  private final Clock clock;

  /** Guards the segment, its counters and the open group; parks where a monitor would spin. */
  private final ReentrantLock writeLock = new ReentrantLock();

  /**
   * Guards {@link #syncing}: at most one thread fsyncs (or rotates) at a time. Appenders whose
   * group is being synced wait on {@link #synced} and are all woken when it is durable, so none of
   * them waits behind the next group's fsync (as they did when each took a sync lock in turn: the
   * first of the next group to get it held it through its own fsync).
   */
  private final ReentrantLock commitLock = new ReentrantLock();

  private final Condition synced = commitLock.newCondition();
  private boolean syncing;
  private volatile Consumer<Path> listener = p -> {};
  private FileChannel channel;
  private volatile Path current;
  private long size;
  private int seq;

  /** Lines in the current segment, and the side files of receipt times. */
  private long lines;

  private final ReceiptLog receipts;

  /** Bytes and lines of the current segment known durable. */
  private volatile long durable;

  private long durableLines;
  private CommitGroup open = new CommitGroup();

  /** Segments abandoned with a tail that could not be cut: readable only to their limit. */
  private final java.util.Map<Path, Long> cut = new java.util.concurrent.ConcurrentHashMap<>();

  /** At most this many decoded events wait for the reader; beyond, the reader decodes. */
  private static final int MAX_DECODED = 10_000;

  private final java.util.Map<String, DnsEvent> decoded =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Creates a writer of {@code <prefix>-<millis>-<n>.jsonl} segments in {@code directory}. */
  public SpoolWriter(Path directory, String prefix, long segmentBytes, Clock clock) {
    this.directory = directory;
    this.prefix = prefix;
    this.segmentBytes = segmentBytes;
    this.clock = clock;
    this.receipts = new ReceiptLog(directory);
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
    for (int i = 0; i < lines.size() && decoded.size() < MAX_DECODED; i++) {
      decoded.put(lines.get(i), events.get(i));
    }
    try {
      append(lines, at);
    } catch (IOException | RuntimeException e) {
      lines.forEach(decoded::remove);
      throw e;
    }
  }

  @Override
  public Optional<DnsEvent> decoded(String line) {
    return Optional.ofNullable(decoded.remove(line));
  }

  /**
   * Like {@link #append(List)}, also recording that the lines were received at {@code at}. Throws
   * when the lines are not durable; then none of them is in the file or ever read.
   */
  public void append(List<String> lines, Instant at) throws IOException {
    ByteBuffer buf = encode(lines);
    CommitGroup mine;
    rotateIfDue();
    writeLock.lock();
    try {
      if (channel == null) {
        throw new IOException(
            "no spool segment is open in "
                + directory
                + " (the last"
                + " attempt to start one failed)");
      }
      if (at != null) {
        receipts.record(current, this.lines + 1, lines.size(), at);
      }
      write(buf);
      this.lines += lines.size();
      mine = open;
      mine.add(size, this.lines);
    } finally {
      writeLock.unlock();
    }
    commit(mine);
  }

  /** The lines in UTF-8, each followed by a line break (no intermediate string). */
  private static ByteBuffer encode(List<String> lines) {
    byte[][] encoded = new byte[lines.size()][];
    int length = 0;
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = lines.get(i).getBytes(StandardCharsets.UTF_8);
      length += encoded[i].length + 1;
    }
    ByteBuffer buf = ByteBuffer.allocate(length);
    for (byte[] line : encoded) {
      buf.put(line).put((byte) '\n');
    }
    return buf.flip();
  }

  /**
   * Starts a new segment when due. Rotation waits for any fsync in progress, so an fsync never
   * meets a closed segment; the common case (not due) takes no lock an fsync holds, so appends keep
   * joining the open group while the previous one is being synced.
   */
  private void rotateIfDue() throws IOException {
    writeLock.lock();
    try {
      if (channel != null && size < segmentBytes) {
        return;
      }
    } finally {
      writeLock.unlock();
    }
    claimSync(null);
    try {
      writeLock.lock();
      try {
        if (channel == null || size >= segmentBytes) {
          rotate();
        }
      } finally {
        writeLock.unlock();
      }
    } finally {
      releaseSync();
    }
  }

  /** Writes {@code buf} whole, or takes back what was written and throws. */
  private void write(ByteBuffer buf) throws IOException {
    long start = size;
    try {
      while (buf.hasRemaining()) {
        size += channel.write(buf);
      }
    } catch (IOException e) {
      truncate(start);
      throw e;
    }
  }

  /** Takes the segment back to {@code offset}; if even that fails, starts a new segment. */
  private void truncate(long offset) throws IOException {
    try {
      channel.truncate(offset);
      size = offset;
    } catch (IOException e) {
      // The tail cannot be cut: abandon the segment so no later line follows the torn one.
      // Its durable prefix stays readable; the torn tail is never readable (see readable()).
      cut.put(current, durable);
      channel = null;
      throw new IOException(
          "cannot cut a failed write out of "
              + current
              + " ("
              + e
              + "); the segment is closed at byte "
              + durable,
          e);
    }
  }

  /**
   * Waits until {@code g} is committed, fsyncing it when no other thread is fsyncing (then {@code
   * g} is the open group: earlier groups complete before their syncer lets go); throws when its
   * fsync failed.
   */
  private void commit(CommitGroup g) throws IOException {
    if (claimSync(g)) {
      try {
        sync(g);
      } finally {
        releaseSync();
      }
    }
    g.outcome();
  }

  /**
   * Waits until no thread fsyncs; then, unless {@code g} is done meanwhile, takes the turn and
   * returns true (the caller must {@link #releaseSync()}). With {@code g} null, always takes it.
   */
  private boolean claimSync(CommitGroup g) {
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
  private void releaseSync() {
    commitLock.lock();
    try {
      syncing = false;
      synced.signalAll();
    } finally {
      commitLock.unlock();
    }
  }

  /** Seals the open group (which is {@code g}: groups complete in order) and fsyncs it. */
  private void sync(CommitGroup g) {
    FileChannel ch;
    Path file;
    writeLock.lock();
    try {
      open = new CommitGroup();
      ch = channel;
      file = current;
    } finally {
      writeLock.unlock();
    }
    try {
      ch.force(false);
    } catch (IOException | RuntimeException e) {
      failed(g, e);
      return;
    }
    writeLock.lock();
    try {
      if (file.equals(current)) {
        durable = Math.max(durable, g.end());
        durableLines = Math.max(durableLines, g.lines());
      }
    } finally {
      writeLock.unlock();
    }
    g.succeed();
    listener.accept(file);
  }

  /** A failed fsync: nothing after the durable offset is trusted, so all of it goes. */
  private void failed(CommitGroup g, Exception e) {
    IOException cause = e instanceof IOException io ? io : new IOException(e);
    writeLock.lock();
    try {
      if (channel != null) {
        try {
          truncate(durable);
        } catch (IOException t) {
          cause.addSuppressed(t);
        }
      }
      lines = durableLines;
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
    return file.equals(current);
  }

  @Override
  public long readable(Path file) {
    return file.equals(current) ? durable : cut.getOrDefault(file, Long.MAX_VALUE);
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
    Files.createDirectories(directory);
    String name = String.format("%s-%013d-%04d.jsonl", prefix, clock.millis(), seq++);
    Path next = directory.resolve(name);
    channel =
        FileChannel.open(
            next,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    size = 0;
    lines = 0;
    durable = 0;
    durableLines = 0;
    current = next;
    AtomicFiles.syncDirectory(directory);
  }

  /** Fsyncs the open group of the current segment (or takes it back) and closes the segment. */
  private void finishSegment() throws IOException {
    try {
      if (channel != null) {
        CommitGroup g = open;
        open = new CommitGroup();
        try {
          channel.force(false);
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
    Path was = current;
    current = null;
    receipts.close();
    if (channel != null) {
      channel.close();
      channel = null;
    }
    if (was != null) {
      listener.accept(was);
    }
  }

  /** Forces and closes the current segment. */
  @Override
  public void close() throws IOException {
    claimSync(null);
    writeLock.lock();
    try {
      finishSegment();
    } finally {
      writeLock.unlock();
      releaseSync();
    }
  }
}
