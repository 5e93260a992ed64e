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
 * When the lines of one spool file were received, read from its side file
 * {@code .received/<file>}: one entry {@code <first line> <count> <epoch millis>} per append
 * (see {@link SpoolWriter#append(java.util.List, Instant)}). Lines without an entry (local.file,
 * older spools, an entry lost in a power failure) have no receipt time. Reader thread only.
 */
final class Receipts {
  private final Path side;
  /** First line of each entry -> {last line, millis}. */
  private final TreeMap<Long, long[]> entries = new TreeMap<>();
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

  /** When line {@code line} was received, if recorded. */
  Optional<Instant> received(long line) {
    Optional<Instant> found = lookup(line);
    if (found.isEmpty() && refresh()) {
      found = lookup(line);
    }
    return found;
  }

  private Optional<Instant> lookup(long line) {
    Map.Entry<Long, long[]> e = entries.floorEntry(line);
    return e != null && line <= e.getValue()[0]
        ? Optional.of(Instant.ofEpochMilli(e.getValue()[1])) : Optional.empty();
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

  private boolean parse(String entry) {
    String[] f = entry.split(" ");
    if (f.length != 3 || !entry.matches("[0-9]{1,18} [0-9]{1,9} [0-9]{1,18}")) {
      return false;
    }
    long first = Long.parseLong(f[0]);
    entries.put(first, new long[] {first + Long.parseLong(f[1]) - 1, Long.parseLong(f[2])});
    return true;
  }
}
