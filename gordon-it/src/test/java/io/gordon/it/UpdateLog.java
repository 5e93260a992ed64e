package io.gordon.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BIND's update log read back: for every name, the versions (TXT {@code "vN"}) in the order BIND
 * applied them. BIND applies the updates of one zone one at a time, so the log's order is the order
 * of application.
 */
final class UpdateLog {
  private static final Pattern ADD = Pattern.compile("adding an RR at '([^']+)' TXT \"v(\\d+)\"");

  private UpdateLog() {}

  /** Name (without trailing dot, as BIND logs it) to its applied versions, in order. */
  static Map<String, List<Integer>> versions(Path log) throws IOException {
    Map<String, List<Integer>> out = new HashMap<>();
    if (!Files.exists(log)) {
      return out;
    }
    for (String line : Files.readAllLines(log)) {
      Matcher m = ADD.matcher(line);
      if (m.find()) {
        out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
      }
    }
    return out;
  }

  /**
   * What is wrong with one name's applied versions, or null: they must be runs of consecutive
   * versions (v, v+1, ...) starting at 1 and ending at {@code last}, each later run starting at
   * most one past the end of the previous (a run that starts lower repeats versions after a crash,
   * as at-least-once delivery does; any reordering leaves a gap inside a run).
   */
  static String problem(List<Integer> applied, int last) {
    if (applied.isEmpty() || applied.getFirst() != 1) {
      return "does not start at version 1: " + applied;
    }
    for (int i = 1; i < applied.size(); i++) {
      int prev = applied.get(i - 1);
      int v = applied.get(i);
      if (v > prev + 1) {
        return "version " + v + " applied right after " + prev + ": " + applied;
      }
    }
    return applied.getLast() == last ? null : "ends at " + applied.getLast() + ": " + applied;
  }

  /** How many times the name's versions went back (a replay after a crash or rebalance). */
  static int replays(List<Integer> applied) {
    int n = 0;
    for (int i = 1; i < applied.size(); i++) {
      if (applied.get(i) <= applied.get(i - 1)) {
        n++;
      }
    }
    return n;
  }
}
