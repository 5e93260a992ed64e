package io.gordon.benchmarks.table;

import java.util.Locale;

/**
 * One line of the table: what is measured, gordon's figure, the anchor measured in the same run
 * (NaN when there is none), the goal, and the load average when the figure was taken.
 *
 * @param path what is measured
 * @param gordon gordon's figure
 * @param anchor the anchor's figure, NaN for none
 * @param anchorText what the anchor is (or why there is none)
 * @param unit the unit of both figures
 * @param goal the goal
 * @param load the 1-minute load average when the figure was taken
 */
public record Line(
    String path,
    double gordon,
    double anchor,
    String anchorText,
    String unit,
    Goal goal,
    String load) {
  public Line {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("a line needs a path, got \"" + path + "\"");
    }
  }

  /** A line measured now: the load average is read as it is created. */
  public static Line of(
      String path, double gordon, double anchor, String anchorText, String unit, Goal goal) {
    return new Line(path, gordon, anchor, anchorText, unit, goal, LoadAverage.now());
  }

  /** A row that could not be measured: the reason goes where gordon's figure would be. */
  public static Line failed(String path, Throwable error) {
    return new Line(
        path, Double.NaN, Double.NaN, "FAILED: " + error, "", Goal.none(), LoadAverage.now());
  }

  /** Gordon's figure over the anchor's, or NaN. */
  public double ratio() {
    return gordon / anchor;
  }

  /** The line as a Markdown table row. */
  public String format() {
    String anchorCell =
        Double.isNaN(anchor) ? anchorText : figure(anchor, unit) + " (" + anchorText + ")";
    String ratio =
        Double.isNaN(ratio()) || Double.isInfinite(ratio())
            ? "-"
            : String.format(Locale.ROOT, "%.2f", ratio());
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %s | %s | %s | %s |",
        path,
        figure(gordon, unit),
        anchorCell,
        ratio,
        goal.text(),
        goal.status(gordon, anchor),
        load);
  }

  static String figure(double v, String unit) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f %s" : "%.2f %s", v, unit).strip();
  }
}
