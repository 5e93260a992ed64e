package io.gordon.local.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Writes the receipt side file of the segment being written, {@code .received/<segment>} (read by
 * {@link Receipts}): one entry {@code <first line> <count> <epoch millis>} per append. Best effort
 * and not fsynced (see {@link SpoolWriter}). Guarded by the writer's lock.
 */
final class ReceiptLog {
  private final Path directory;
  private Path segment;
  private FileChannel side;

  ReceiptLog(Path directory) {
    this.directory = directory;
  }

  /** Records that lines {@code first..first+count-1} of {@code file} arrived {@code at}. */
  void record(Path file, long first, int count, Instant at) {
    try {
      if (side == null || !file.equals(segment)) {
        close();
        Path dir = directory.resolve(".received");
        Files.createDirectories(dir);
        side =
            FileChannel.open(
                dir.resolve(file.getFileName()),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        segment = file;
      }
      ByteBuffer entry =
          ByteBuffer.wrap(
              (first + " " + count + " " + at.toEpochMilli() + "\n")
                  .getBytes(StandardCharsets.US_ASCII));
      while (entry.hasRemaining()) {
        side.write(entry);
      }
    } catch (IOException e) {
      // a missing entry only means the age falls back to the file time
      close();
    }
  }

  void close() {
    try {
      if (side != null) {
        side.close();
      }
    } catch (IOException e) {
      // the entries written so far stay readable
    }
    side = null;
    segment = null;
  }
}
