package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flags a JVM ended up with ({@code -XX:+PrintFlagsFinal}): each flag's final value, and
 * whether the command line (or JDK_JAVA_OPTIONS) set it.
 *
 * @param values every flag's final value
 * @param commandLine the flags the command line set
 */
record JvmFlags(Map<String, String> values, Set<String> commandLine) {
  JvmFlags {
    values = Map.copyOf(values);
    commandLine = Set.copyOf(commandLine);
  }

  private static final Pattern LINE =
      Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s*(.*?)\\s*\\{[^}]*\\}\\s*\\{([^}]*)\\}\\s*$");

  /** Runs {@code cmd} with {@code env} added (it must print the final flags) and reads them. */
  static JvmFlags of(List<String> cmd, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("GORDON_JAVA_OPTS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().putAll(env);
    Path out = Files.createTempFile("gordon-flags", ".txt");
    try {
      Process p = pb.redirectOutput(out.toFile()).start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", cmd)).isTrue();
      String text = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + text).isZero();
      return parse(text);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The flags of a {@code -XX:+PrintFlagsFinal} listing. */
  static JvmFlags parse(String text) {
    Map<String, String> values = new TreeMap<>();
    TreeSet<String> commandLine = new TreeSet<>();
    text.lines()
        .forEach(
            l -> {
              Matcher m = LINE.matcher(l);
              if (m.matches()) {
                values.put(m.group(1), m.group(2));
                if (m.group(3).equals("command line")) {
                  commandLine.add(m.group(1));
                }
              }
            });
    assertThat(values).as("no -XX:+PrintFlagsFinal listing in:\n" + text).isNotEmpty();
    return new JvmFlags(values, commandLine);
  }

  /** A flag's final value. */
  String value(String flag) {
    assertThat(values).as("the JVM has no flag " + flag).containsKey(flag);
    return values.get(flag);
  }
}
