package io.gordon.benchmarks.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The load averages from {@code /proc/loadavg}, written next to every figure. */
final class LoadAverage {
  private LoadAverage() {}

  /** "1-min 5-min 15-min", or "unknown" where /proc is missing. */
  static String now() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }
}
