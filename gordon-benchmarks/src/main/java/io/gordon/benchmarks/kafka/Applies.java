package io.gordon.benchmarks.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The applies of one run, read from BIND's log (named -g logs every record an update adds, with a
 * millisecond timestamp, in the order it applies them).
 *
 * @param name the owner name, without the trailing dot
 * @param at when BIND applied it, milliseconds of the day
 */
record Applies(String name, long at) {
  private static final Pattern ADD =
      Pattern.compile("^\\S+ (\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*adding an RR at '([^']+)' TXT");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  /** Every apply of a name starting with {@code prefix}, in log order. */
  static List<Applies> read(Path log, String prefix) throws IOException {
    List<Applies> out = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = ADD.matcher(line);
      if (m.find() && m.group(2).startsWith(prefix)) {
        out.add(
            new Applies(m.group(2), LocalTime.parse(m.group(1), TIME).toNanoOfDay() / 1_000_000));
      }
    }
    return out;
  }

  /** How many applies so far of names starting with {@code prefix}. */
  static int count(Path log, String prefix) throws IOException {
    String needle = "adding an RR at '" + prefix;
    int n = 0;
    for (String line : Files.readAllLines(log)) {
      if (line.contains(needle)) {
        n++;
      }
    }
    return n;
  }
}
