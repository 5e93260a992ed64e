package io.gordon.benchmarks.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM flags {@code bin/gordon} runs with, read from {@code bin/jvm-options.sh} (its {@code
 * NAME="value"} lines, as the image build reads them) on a machine with memory to spare: the heap
 * at its maximum, the young generation a share of it, the size options, the collector and the
 * compiler's. For rows that run gordon's code in a JVM of their own but should measure what users
 * get.
 */
final class LauncherFlags {
  private static final Pattern LINE = Pattern.compile("^(GORDON_[A-Z_]+)=\"([^\"]*)\"$");

  private LauncherFlags() {}

  static List<String> of(Path root) throws IOException {
    return of(Files.readAllLines(root.resolve("bin/jvm-options.sh"), StandardCharsets.UTF_8));
  }

  /** The flags from the lines of {@code jvm-options.sh}; a setting it lacks is an error. */
  static List<String> of(List<String> lines) {
    Map<String, String> v = new HashMap<>();
    for (String line : lines) {
      Matcher m = LINE.matcher(line.trim());
      if (m.matches()) {
        v.put(m.group(1), m.group(2));
      }
    }
    int heap = Integer.parseInt(value(v, "GORDON_HEAP_MAX_MB"));
    int young =
        Math.max(
            heap / (Integer.parseInt(value(v, "GORDON_YOUNG_RATIO")) + 1),
            Integer.parseInt(value(v, "GORDON_YOUNG_MIN_MB")));
    List<String> out = new ArrayList<>(List.of("-Xmx" + heap + "m", "-Xmn" + young + "m"));
    for (String name : List.of("GORDON_SIZE_OPTS", "GORDON_GC_OPTS", "GORDON_JVM_OPTS")) {
      for (String flag : value(v, name).trim().split("\\s+")) {
        if (!flag.isEmpty()) {
          out.add(flag);
        }
      }
    }
    return out;
  }

  private static String value(Map<String, String> v, String name) {
    String s = v.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "bin/jvm-options.sh has no " + name + "=\"...\" line (expected the launcher's settings)");
    }
    return s;
  }
}
