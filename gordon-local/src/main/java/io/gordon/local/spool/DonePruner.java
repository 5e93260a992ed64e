package io.gordon.local.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes finished spool files from {@code done/} once they are older (by modification time, i.e.
 * their last write) than the retention. Zero retention keeps them forever. Reader thread.
 */
final class DonePruner {
  private static final Duration EVERY = Duration.ofMinutes(1);
  private final Path done;
  private final Duration retention;
  private final Clock clock;
  private final System.Logger log;
  private Instant next = Instant.MIN;

  DonePruner(Path done, Duration retention, Clock clock, System.Logger log) {
    this.done = done;
    this.retention = retention;
    this.clock = clock;
    this.log = log;
  }

  /** Prunes at most once a minute; returns how many files it deleted. */
  int maybePrune() {
    Instant now = clock.instant();
    if (retention.isZero() || now.isBefore(next)) {
      return 0;
    }
    next = now.plus(EVERY);
    return prune(now.minus(retention));
  }

  /** Deletes the files last written before {@code cutoff}. */
  int prune(Instant cutoff) {
    int n = 0;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(done)) {
      for (Path p : s) {
        if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
          Files.deleteIfExists(p);
          n++;
        }
      }
    } catch (IOException e) {
      log.log(System.Logger.Level.WARNING, "cannot prune " + done + ": " + e);
    }
    if (n > 0) {
      log.log(
          System.Logger.Level.INFO,
          "pruned " + n + " finished spool file(s) older than " + retention + " from " + done);
    }
    return n;
  }
}
