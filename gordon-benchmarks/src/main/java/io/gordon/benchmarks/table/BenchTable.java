package io.gordon.benchmarks.table;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmark rows named on the command line (all by default) and prints one table: path,
 * gordon's figure, the anchor measured in the same run, the ratio, the goal, whether it is met, and
 * the load average when the figure was taken. {@code --quick} (or {@code GORDON_BENCH_QUICK=1})
 * runs every row small, as a smoke test. A row that fails prints FAILED with the reason and the
 * exit status is 1. Started by {@code bin/bench}.
 */
public final class BenchTable {
  private BenchTable() {}

  /** The rows by name, in the order of issue 11's goals; {@code root} is the repository. */
  static Map<String, Row> rows(Path root) {
    Map<String, Row> rows = new LinkedHashMap<>();
    rows.put("router", RouterRow::throughput);
    rows.put("router-latency", RouterRow::latency);
    rows.put("http", s -> HttpRow.run(s, root));
    rows.put("zonefile", s -> ZoneFileRow.run(s, root));
    rows.put("rfc2136", s -> Rfc2136Row.run(s, root));
    rows.put("rfc2136-ceiling", s -> CeilingRow.run(s, root));
    rows.put("pubsub", PubSubRow::run);
    rows.put("gcp", CloudDnsRow::run);
    rows.put("rss", s -> RssRow.run(s, root));
    rows.put("startup", s -> StartupRow.run(s, root));
    return rows;
  }

  /**
   * The run's choice: the rows to run and the sizes.
   *
   * @param rows row names, in order
   * @param sizes quick or full
   */
  record Selection(List<String> rows, Sizes sizes) {
    /** Reads the arguments; an unknown row or flag is an error naming the known ones. */
    static Selection parse(String[] args, Map<String, Row> known, boolean quickEnv) {
      boolean quick = quickEnv;
      List<String> names = new ArrayList<>();
      for (String a : args) {
        if (a.equals("--quick")) {
          quick = true;
        } else if (a.startsWith("-")) {
          throw new IllegalArgumentException("unknown flag \"" + a + "\" (flags: --quick)");
        } else if (!known.containsKey(a)) {
          throw new IllegalArgumentException(
              "no benchmark row \"" + a + "\" (rows: " + String.join(", ", known.keySet()) + ")");
        } else {
          names.add(a);
        }
      }
      return new Selection(names.isEmpty() ? List.copyOf(known.keySet()) : names, new Sizes(quick));
    }
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("gordon.root", ".")).toAbsolutePath().normalize();
    Map<String, Row> rows = rows(root);
    Selection sel;
    try {
      sel = Selection.parse(args, rows, "1".equals(System.getenv("GORDON_BENCH_QUICK")));
    } catch (IllegalArgumentException e) {
      System.err.println("bin/bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    // The benchmarks (JMH among them) print their own tables: to stderr, so that stdout is
    // the one table.
    PrintStream table = System.out;
    System.setOut(System.err);
    Instant start = Instant.now();
    List<Line> lines = run(sel, rows, System.err);
    table.println();
    table.print(table(lines, sel.sizes(), Duration.between(start, Instant.now())));
    table.flush();
    System.exit(lines.stream().anyMatch(l -> l.anchorText().startsWith("FAILED")) ? 1 : 0);
  }

  /** Runs the selected rows; a failing row becomes a FAILED line and the others still run. */
  static List<Line> run(Selection sel, Map<String, Row> rows, PrintStream progress) {
    List<Line> lines = new ArrayList<>();
    for (String name : sel.rows()) {
      progress.printf("bin/bench: row %s (load %s)%n", name, LoadAverage.now());
      try {
        lines.addAll(rows.get(name).run(sel.sizes()));
      } catch (Exception | AssertionError e) {
        e.printStackTrace(progress);
        lines.add(Line.failed(name, e));
      }
    }
    return lines;
  }

  /**
   * The table as Markdown, headed by when it ended, how long it ran, the sizes and the load at the
   * end.
   */
  static String table(List<Line> lines, Sizes sizes, Duration took) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "bin/bench%s, ended %s after %d min %02d s, %d cores, load at the" + " end %s%n%n",
            sizes.quick() ? " --quick (smoke sizes, not for comparison)" : "",
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            took.toMinutes(),
            took.toSecondsPart(),
            Runtime.getRuntime().availableProcessors(),
            LoadAverage.now()));
    b.append("| path | gordon | anchor (same run) | ratio | goal | status | load |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    lines.forEach(l -> b.append(l.format()).append('\n'));
    return b.toString();
  }
}
