package io.gordon.benchmarks.table;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs a benchmark's {@code main} and returns what it printed, for the rows that read figures from
 * an existing benchmark's table. The output still goes to stderr, so a run shows progress.
 */
final class Captured {
  /** A benchmark's entry point. */
  @FunctionalInterface
  interface Main {
    void run() throws Exception;
  }

  private Captured() {}

  static synchronized String stdout(Main main) throws Exception {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    PrintStream old = System.out;
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            copy.write(b);
            System.err.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            copy.write(b, off, len);
            System.err.write(b, off, len);
          }
        };
    System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.out.flush();
      System.setOut(old);
    }
    return copy.toString(StandardCharsets.UTF_8);
  }

  /** The first line of {@code text} that starts with {@code prefix}. */
  static String line(String text, String prefix) {
    return text.lines()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no line starting with \""
                        + prefix
                        + "\" in the benchmark's output:\n"
                        + text));
  }

  /**
   * The word after {@code label} in the first line of {@code out} that starts with {@code prefix}
   * ("gordon " in "rfc2136 end to end: gordon 9,901 events/s" gives "9,901").
   */
  static String after(String out, String prefix, String label) {
    String line = line(out, prefix);
    int at = line.indexOf(label);
    if (at < 0) {
      throw new IllegalStateException("no \"" + label + "\" in: " + line);
    }
    String rest = line.substring(at + label.length());
    int end = rest.indexOf(' ');
    return end < 0 ? rest : rest.substring(0, end);
  }

  /** A number as the benchmarks print it ("12,345", "3.5"). */
  static double number(String s) {
    return Double.parseDouble(s.replace(",", ""));
  }
}
