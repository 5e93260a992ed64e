package io.gordon.local.spool;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The segment file a {@link SpoolWriter} appends to: its channel, its byte and line counts, the
 * part known durable, and the receipt side file. Guarded by the writer's write lock, except that
 * {@link #active} and {@link #readable} may be asked from any thread.
 */
final class Segment {
  private final Path directory;
  private final String prefix;
  private final long segmentBytes;
  private final Clock clock;
  private final ReceiptLog receipts;
  private FileChannel channel;
  private volatile Path current;
  private long size;
  private int seq;

  /** Lines in the current segment. */
  private long lines;

  /** Bytes and lines of the current segment known durable. */
  private volatile long durable;

  private long durableLines;

  /** Segments abandoned with a tail that could not be cut: readable only to their limit. */
  private final Map<Path, Long> cut = new ConcurrentHashMap<>();

  Segment(Path directory, String prefix, long segmentBytes, Clock clock) {
    this.directory = directory;
    this.prefix = prefix;
    this.segmentBytes = segmentBytes;
    this.clock = clock;
    this.receipts = new ReceiptLog(directory);
  }

  /**
   * The lines in UTF-8, each followed by a line break. Lines of ASCII only (the codec escapes
   * nothing else into a spooled line but other scripts' text) are copied once, straight into the
   * buffer; from the first other character, each line is encoded by {@code getBytes} and copied.
   */
  static ByteBuffer encode(List<String> lines) {
    int length = 0;
    for (int i = 0; i < lines.size(); i++) {
      length += lines.get(i).length() + 1;
    }
    byte[] b = new byte[length];
    int at = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      for (int k = 0; k < line.length(); k++) {
        char c = line.charAt(k);
        if (c >= 0x80) {
          return encodeUtf8(lines);
        }
        b[at++] = (byte) c;
      }
      b[at++] = '\n';
    }
    return ByteBuffer.wrap(b);
  }

  private static ByteBuffer encodeUtf8(List<String> lines) {
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

  /** Whether a new segment must start: none is open, or the current one is full. */
  boolean due() {
    return channel == null || size >= segmentBytes;
  }

  boolean isOpen() {
    return channel != null;
  }

  /** Throws unless a segment is open. */
  void checkOpen() throws IOException {
    if (channel == null) {
      throw new IOException(
          "no spool segment is open in "
              + directory
              + " (the last"
              + " attempt to start one failed)");
    }
  }

  FileChannel channel() {
    return channel;
  }

  Path path() {
    return current;
  }

  long size() {
    return size;
  }

  long lines() {
    return lines;
  }

  /** Records in the side file that the next {@code count} lines arrived {@code at}. */
  void receive(int count, Instant at) {
    receipts.record(current, lines + 1, count, at);
  }

  /** Writes {@code buf} ({@code count} lines) whole, or takes back what was written and throws. */
  void write(ByteBuffer buf, int count) throws IOException {
    long start = size;
    try {
      while (buf.hasRemaining()) {
        size += channel.write(buf);
      }
    } catch (IOException e) {
      truncate(start);
      throw e;
    }
    lines += count;
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

  /** Marks {@code file} durable up to byte {@code end} and line {@code upTo}, if still current. */
  void durable(Path file, long end, long upTo) {
    if (file.equals(current)) {
      durable = Math.max(durable, end);
      durableLines = Math.max(durableLines, upTo);
    }
  }

  /** A failed fsync: takes everything after the durable offset back, noting failures on cause. */
  void takeBack(IOException cause) {
    if (channel != null) {
      try {
        truncate(durable);
      } catch (IOException t) {
        cause.addSuppressed(t);
      }
    }
    lines = durableLines;
  }

  boolean active(Path file) {
    return file.equals(current);
  }

  long readable(Path file) {
    return file.equals(current) ? durable : cut.getOrDefault(file, Long.MAX_VALUE);
  }

  /** Opens a new, empty segment file (the previous one must be closed). */
  void start() throws IOException {
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

  /** Closes the segment and its side file; returns the file that was current, or null. */
  Path close() throws IOException {
    Path was = current;
    current = null;
    receipts.close();
    if (channel != null) {
      channel.close();
      channel = null;
    }
    return was;
  }
}
