package io.gordon.local.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When the lines of one spool file were received, read from its side file {@code .received/<file>}:
 * one entry {@code <first line> <count> <epoch millis>} per append (see {@link
 * SpoolWriter#append(java.util.List, Instant)}). Lines without an entry (local.file, older spools,
 * an entry lost in a power failure) have no receipt time. Reader thread only.
 */
final class Receipts {
  private final Path side;

  /** First line of each entry -> {last line, millis}. */
  private final TreeMap<Long, long[]> entries = new TreeMap<>();

  /**
   * The entry found last: its lines and time. Entries are only ever replaced for lines taken back
   * before they were durable (so never read), hence the one found stays right for its lines.
   */
  private long lastFirst = 1;

  private long lastEnd;
  private Optional<Instant> last = Optional.empty();

  private long readBytes;
  private long sizeSeen = -1;

  /** While there is no side file, look again only after this (nanoTime). */
  private long nextCheck = Long.MIN_VALUE;

  Receipts(Path side) {
    this.side = side;
  }

  static Path sideFile(Path file) {
    return file.resolveSibling(".received").resolve(file.getFileName());
  }

  /**
   * When line {@code line} was received, if recorded. Lines are asked in order (a retry carries the
   * time it was given), so the entries of earlier lines are dropped: one entry per append would
   * otherwise stay in memory until the whole file is done.
   */
  Optional<Instant> received(long line) {
    if (line >= lastFirst && line <= lastEnd) {
      return last; // the lines of one append ask one after the other: no map work, no boxing
    }
    Optional<Instant> found = lookup(line);
    if (found.isEmpty() && refresh()) {
      found = lookup(line);
    }
    Long floor = entries.floorKey(line);
    if (floor != null) {
      entries.headMap(floor, false).clear();
    }
    return found;
  }

  private Optional<Instant> lookup(long line) {
    Map.Entry<Long, long[]> e = entries.floorEntry(line);
    if (e == null || line > e.getValue()[0]) {
      return Optional.empty();
    }
    lastFirst = e.getKey();
    lastEnd = e.getValue()[0];
    last = Optional.of(Instant.ofEpochMilli(e.getValue()[1]));
    return last;
  }

  /** Reads entries appended since the last call; returns whether there were any. */
  private boolean refresh() {
    if (nextCheck != Long.MIN_VALUE && System.nanoTime() - nextCheck < 0) {
      return false;
    }
    nextCheck = Long.MIN_VALUE;
    try (FileChannel ch = FileChannel.open(side, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == sizeSeen) {
        return false;
      }
      sizeSeen = size;
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size - readBytes, 1 << 24));
      while (buf.hasRemaining() && ch.read(buf, readBytes + buf.position()) > 0) {
        // read what is there
      }
      String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
      int start = 0;
      boolean any = false;
      for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        any |= parse(text.substring(start, end));
        start = end + 1;
      }
      readBytes += start;
      return any;
    } catch (NoSuchFileException e) {
      nextCheck = System.nanoTime() + 1_000_000_000L;
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** Parses {@code <first> <count> <millis>}; anything else (a torn entry) is ignored. */
  private boolean parse(String entry) {
    int a = entry.indexOf(' ');
    int b = a < 0 ? -1 : entry.indexOf(' ', a + 1);
    if (b < 0
        || !digits(entry, 0, a, 18)
        || !digits(entry, a + 1, b, 9)
        || !digits(entry, b + 1, entry.length(), 18)) {
      return false;
    }
    long first = Long.parseLong(entry, 0, a, 10);
    entries.put(
        first,
        new long[] {
          first + Long.parseLong(entry, a + 1, b, 10) - 1,
          Long.parseLong(entry, b + 1, entry.length(), 10)
        });
    return true;
  }

  private static boolean digits(String s, int from, int to, int max) {
    if (to <= from || to - from > max) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
