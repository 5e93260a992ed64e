package io.gordon.local.spool;

import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.SourceContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads JSON-lines files from a spool directory and submits each line as a message, in file and
 * line order; see {@link SpoolSubmitter} for what happens to a line. Progress is durable per file
 * (see {@link Progress}); a file whose lines are all settled is moved to {@code done/}. {@link
 * #run} runs on the source's thread; settlements arrive on any thread.
 */
public final class SpoolReader {
  private static final int LINES_PER_POLL = 10_000;

  /** The poll's read buffer; only the reader's thread polls. */
  private byte[] chunk;

  private final SpoolOptions options;
  private final Clock clock;
  private final System.Logger log;
  private final SpoolSubmitter submitter;
  private final ProgressCommitter committer;
  private final Map<Path, SpoolCursor> cursors = new TreeMap<>();
  private final Semaphore wake = new Semaphore(0);
  private final SpoolFeed feed;

  /** Files the writer made new lines durable in since the last pass. */
  private final Set<Path> dirty = ConcurrentHashMap.newKeySet();

  private final Backlog backlog;
  private final DonePruner pruner;
  private final RepeatingWarnings warnings;
  private final MetricRelay metrics;
  private final Map<String, String> source;
  private volatile boolean stopped;

  /** Creates a reader of a directory nobody in this process writes, keeping done/ forever. */
  public SpoolReader(
      SpoolOptions options,
      EventCodec codec,
      Clock clock,
      System.Logger log,
      SpoolListener listener) {
    this(
        options,
        SpoolFeed.NONE,
        Duration.ZERO,
        codec,
        clock,
        log,
        MetricRelay.noop(),
        "spool",
        listener);
  }

  /**
   * Creates a reader; {@code feed} says what the writer of the directory (if any) made durable,
   * {@code doneRetention} how long finished files stay in done/ (zero: forever), {@code listener}
   * learns of submissions and outcomes; the backlog gauges go to {@code metrics} with attribute
   * {@code source=<sourceName>}.
   */
  public SpoolReader(
      SpoolOptions options,
      SpoolFeed feed,
      Duration doneRetention,
      EventCodec codec,
      Clock clock,
      System.Logger log,
      MetricRelay metrics,
      String sourceName,
      SpoolListener listener) {
    this.options = options;
    this.feed = feed;
    this.clock = clock;
    this.log = log;
    this.metrics = metrics;
    this.source = Map.of("source", sourceName);
    this.backlog = new Backlog(listener, clock);
    this.pruner = new DonePruner(options.directory().resolve("done"), doneRetention, clock, log);
    this.warnings = new RepeatingWarnings(clock, log);
    this.committer = new ProgressCommitter(log);
    this.submitter =
        new SpoolSubmitter(options, codec, backlog, committer, this::wakeup, feed::decoded);
    feed.onDurable(
        file -> {
          dirty.add(file);
          wakeup();
        });
  }

  /** Creates the directories and removes progress files of files that are gone. */
  public void prepare() throws IOException {
    Files.createDirectories(progressDir());
    Files.createDirectories(options.directory().resolve("done"));
    try (DirectoryStream<Path> s = Files.newDirectoryStream(progressDir(), "*.progress")) {
      for (Path p : s) {
        String name = p.getFileName().toString();
        if (!Files.exists(options.directory().resolve(name.substring(0, name.length() - 9)))) {
          Files.delete(p);
        }
      }
    }
    Path received = options.directory().resolve(".received");
    if (Files.isDirectory(received)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(received)) {
        for (Path p : s) {
          if (!Files.exists(options.directory().resolve(p.getFileName()))) {
            Files.delete(p);
          }
        }
      }
    }
  }

  /**
   * Reads and submits until {@link #stop()} or the service stops. Lines the writer reports durable
   * are read at once; the directory itself is listed only every poll interval (new files from
   * elsewhere, finished files, done/ pruning, gauges).
   */
  public void run(SourceContext ctx) throws Exception {
    Thread commits = Thread.ofVirtual().name("spool-progress").start(committer);
    try {
      long nextScan = System.nanoTime();
      while (!stopped && !ctx.stopping()) {
        submitter.resubmitDue(ctx);
        boolean scan = System.nanoTime() - nextScan >= 0;
        if (scan) {
          nextScan = System.nanoTime() + options.poll().toNanos();
        }
        for (Path file : scan ? files() : takeDirty()) {
          read(ctx, file);
        }
        if (scan) {
          finishSettledFiles();
          pruner.maybePrune();
          publishGauges();
        }
        long waitNanos = Math.max(0, nextScan - System.nanoTime());
        wake.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        wake.drainPermits();
      }
    } finally {
      committer.stop();
      commits.join(5000);
    }
  }

  private List<Path> takeDirty() {
    List<Path> out = new ArrayList<>(dirty);
    dirty.removeAll(out);
    out.sort(null);
    return out;
  }

  private void read(SourceContext ctx, Path file) throws InterruptedException {
    try {
      poll(ctx, cursor(file));
      warnings.clear(file);
    } catch (java.nio.file.NoSuchFileException e) {
      log.log(System.Logger.Level.WARNING, file + " disappeared while being read");
    } catch (IOException | java.io.UncheckedIOException e) {
      warnings.warn(file, "cannot read " + file + " (retrying): " + e);
    }
  }

  private SpoolCursor cursor(Path file) {
    return cursors.computeIfAbsent(
        file,
        f -> {
          try {
            return new SpoolCursor(f, sidecar(f), Progress.read(sidecar(f)));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private void publishGauges() {
    metrics.set(Backlog.BACKLOG, backlog.size(), source);
    metrics.set(Backlog.OLDEST, backlog.oldest().toMillis() / 1000.0, source);
  }

  /** Makes the reader look for new lines now (e.g. after an append). */
  public void wakeup() {
    wake.release();
  }

  /** Stops {@link #run} promptly. */
  public void stop() {
    stopped = true;
    wakeup();
  }

  private List<Path> files() {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(options.directory(), options.glob())) {
      for (Path p : s) {
        if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
          out.add(p);
        }
      }
      warnings.clear(options.directory());
    } catch (IOException e) {
      warnings.warn(options.directory(), "cannot list " + options.directory() + ": " + e);
    }
    out.sort(null);
    return out;
  }

  private void poll(SourceContext ctx, SpoolCursor c) throws IOException, InterruptedException {
    try (FileChannel ch = FileChannel.open(c.file, StandardOpenOption.READ)) {
      long size = Math.min(ch.size(), feed.readable(c.file));
      Instant fileTime = Files.getLastModifiedTime(c.file).toInstant();
      boolean complete =
          !active(c.file) && fileTime.plus(options.quiet()).isBefore(clock.instant());
      int budget = LINES_PER_POLL;
      while (c.readOffset < size && budget > 0 && !stopped && !ctx.stopping()) {
        int len = (int) Math.min(options.maxLineBytes() + 1L, size - c.readOffset);
        byte[] b = chunk(len);
        ByteBuffer buf = ByteBuffer.wrap(b, 0, len);
        while (buf.hasRemaining() && ch.read(buf, c.readOffset + buf.position()) > 0) {
          // read the whole chunk
        }
        if (buf.hasRemaining()) {
          // the file ended early: what a fresh buffer held, not the last poll's bytes
          java.util.Arrays.fill(b, buf.position(), len, (byte) 0);
        }
        int start = 0;
        for (int i = 0; i < len && budget > 0; i++) {
          if (b[i] == '\n') {
            submitter.line(ctx, c, b, start, i, c.readOffset + i + 1, fileTime);
            start = i + 1;
            budget--;
          }
        }
        if (start > 0) {
          c.readOffset += start;
        } else if (c.skipping || len > options.maxLineBytes()) {
          submitter.overlong(ctx, c, b, len, complete && c.readOffset + len == size, fileTime);
        } else if (complete && c.readOffset + len == size) {
          submitter.line(ctx, c, b, 0, len, size, fileTime);
          c.readOffset = size;
        } else {
          return;
        }
      }
    }
  }

  /**
   * A buffer of at least {@code len} bytes, reused from poll to poll (a new one per poll was ~200
   * bytes per event read); the lines are copied out of it before the next read. It grows to the
   * longest chunk read, at most max_line_bytes + 1.
   */
  private byte[] chunk(int len) {
    if (chunk == null || chunk.length < len) {
      chunk = new byte[len];
    }
    return chunk;
  }

  private void finishSettledFiles() {
    Iterator<Map.Entry<Path, SpoolCursor>> it = cursors.entrySet().iterator();
    while (it.hasNext()) {
      SpoolCursor c = it.next().getValue();
      try {
        if (finished(c)) {
          committer.retire(c, () -> moveAside(c));
          it.remove();
        }
      } catch (IOException e) {
        log.log(System.Logger.Level.WARNING, "cannot move " + c.file + " to done/: " + e);
      }
    }
  }

  private boolean finished(SpoolCursor c) throws IOException {
    return c.idle()
        && !c.skipping
        && !active(c.file)
        && Files.exists(c.file)
        && Files.size(c.file) == c.readOffset
        && Files.getLastModifiedTime(c.file)
            .toInstant()
            .plus(options.quiet())
            .isBefore(clock.instant());
  }

  /** Moves the file first, then drops its progress: a crash in between repeats nothing. */
  private void moveAside(SpoolCursor c) throws IOException {
    Path done = options.directory().resolve("done");
    Path target = done.resolve(c.name());
    for (int n = 1; Files.exists(target); n++) {
      target = done.resolve(c.name() + "." + n);
    }
    Files.move(c.file, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    io.gordon.local.io.AtomicFiles.syncDirectory(done);
    io.gordon.local.io.AtomicFiles.syncDirectory(options.directory());
    Files.deleteIfExists(c.sidecar);
    Files.deleteIfExists(Receipts.sideFile(c.file));
    log.log(
        System.Logger.Level.INFO,
        "finished " + c.name() + " (" + c.lineNo + " lines); moved to " + target);
  }

  private boolean active(Path file) {
    return feed.active(file) || options.active().test(file);
  }

  /** Spooled events submitted and not yet settled for good. */
  public int backlog() {
    return backlog.size();
  }

  private Path progressDir() {
    return options.directory().resolve(".progress");
  }

  private Path sidecar(Path file) {
    return progressDir().resolve(file.getFileName() + ".progress");
  }
}
