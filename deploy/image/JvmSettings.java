import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NAME="value" lines of bin/jvm-options.sh, the settings bin/gordon runs the JVM with: the
 * image has no shell to run the launcher, so its entrypoint says the same in flags the JVM sizes
 * by itself (heap a percentage of the container's limit, young generation by ratio).
 *
 * @param values each setting's value, by name
 * @param jdk the feature version of the image's JRE (jlinked from the JDK running this tool)
 */
record JvmSettings(Map<String, String> values, int jdk) {
  private static final Pattern LINE = Pattern.compile("^(GORDON_[A-Z_]+)=\"([^\"$`]*)\"$");
  private static final List<String> REQUIRED = List.of("GORDON_HEAP_PERCENT",
      "GORDON_YOUNG_RATIO", "GORDON_YOUNG_MIN_MB", "GORDON_SIZE_OPTS", "GORDON_GC_OPTS",
      "GORDON_JVM_OPTS", "GORDON_LIBRARY_ACCESS_OPTS");

  JvmSettings {
    values = Map.copyOf(values);
  }

  /** Reads {@code file} for an image whose JRE is of feature version {@code jdk}. */
  static JvmSettings read(Path file, int jdk) throws IOException {
    Map<String, String> m = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      Matcher v = LINE.matcher(line);
      if (v.matches()) {
        m.put(v.group(1), v.group(2));
      } else if (!line.isBlank() && !line.startsWith("#")) {
        throw new IllegalStateException(file + ": not a comment nor a NAME=\"value\" line: " + line);
      }
    }
    for (String k : REQUIRED) {
      if (!m.containsKey(k)) {
        throw new IllegalStateException(file + " does not set " + k);
      }
    }
    return new JvmSettings(m, jdk);
  }

  /** JDK_JAVA_OPTIONS: the sizes, which a user replaces as a whole by setting the variable. */
  String javaOptions() {
    return "-XX:MaxRAMPercentage=" + values.get("GORDON_HEAP_PERCENT")
        + " -XX:NewRatio=" + values.get("GORDON_YOUNG_RATIO")
        + " -XX:NewSize=" + values.get("GORDON_YOUNG_MIN_MB") + "m "
        + values.get("GORDON_SIZE_OPTS");
  }

  /**
   * The entrypoint's flags before the class-data archive's: collector, JIT, exit on OOM, and from
   * JDK 24 on, as the launcher, the options that keep the JDK's warnings about the libraries'
   * sun.misc.Unsafe and native-library use off stderr (older JDKs refuse them).
   */
  String entrypointFlags() {
    String all = values.get("GORDON_GC_OPTS") + " " + values.get("GORDON_JVM_OPTS")
        + (jdk >= 24 ? " " + values.get("GORDON_LIBRARY_ACCESS_OPTS") : "");
    StringBuilder b = new StringBuilder();
    for (String o : all.trim().split("\\s+")) {
      b.append(",\"").append(o).append('"');
    }
    return b.toString();
  }
}
