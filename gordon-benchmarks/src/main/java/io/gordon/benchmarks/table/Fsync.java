package io.gordon.benchmarks.table;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The floor of local.http's 202: a small append and {@code force} on the disk the spool lives on
 * (the temp directory, as the HTTP benchmark's spool), as the spool writer does before it answers.
 * One writer, one event-sized record per sync, so no group commit helps it.
 */
final class Fsync {
  private Fsync() {}

  /** p99 latency in ms of {@code n} appends of 200 bytes, each followed by force(false). */
  static double p99(int n) throws IOException {
    Path dir = Files.createTempDirectory("gordon-fsync-bench-");
    Path file = dir.resolve("spool.log");
    long[] t = new long[n];
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer record = ByteBuffer.allocate(200);
      for (int i = 0; i < n; i++) {
        long start = System.nanoTime();
        record.clear();
        ch.write(record);
        ch.force(false);
        t[i] = System.nanoTime() - start;
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
    Arrays.sort(t);
    return t[Math.min(n - 1, (int) (n * 0.99))] / 1e6;
  }
}
