package io.gordon.benchmarks.table;

/**
 * A row's goal: its text as the table prints it and the check of gordon's figure (and the anchor's,
 * for goals stated as a ratio or as a property such as size independence).
 *
 * @param text the goal as the table prints it
 * @param check whether a measured pair meets it
 */
public record Goal(String text, Check check) {
  /** Whether gordon's figure (and the anchor's) meet the goal. */
  @FunctionalInterface
  public interface Check {
    /** True when met; NaN figures never reach it (the table prints "-"). */
    boolean met(double gordon, double anchor);
  }

  /** The check of a line without goal: {@link #status} says "-". */
  private static final Check NONE = (g, a) -> true;

  public Goal {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a goal needs a text, got \"" + text + "\"");
    }
  }

  /** Gordon's figure at least {@code min}. */
  public static Goal atLeast(double min, String text) {
    return new Goal(text, (g, a) -> g >= min);
  }

  /** Gordon's figure at most {@code max}. */
  public static Goal atMost(double max, String text) {
    return new Goal(text, (g, a) -> g <= max);
  }

  /** Gordon's figure divided by the anchor's at least {@code min}. */
  public static Goal ratioAtLeast(double min, String text) {
    return new Goal(text, (g, a) -> g / a >= min);
  }

  /** No goal: shown for context (the status column says "-"). */
  public static Goal none() {
    return new Goal("-", NONE);
  }

  /**
   * No goal, with a word on what the line is for ("- (what BIND allows)"): the status column says
   * "-".
   */
  public static Goal none(String why) {
    return new Goal("- (" + why + ")", NONE);
  }

  /** "met", "not met", or "-" when there is no goal or gordon's figure is missing. */
  String status(double gordon, double anchor) {
    if (check == NONE || Double.isNaN(gordon)) {
      return "-";
    }
    return check.met(gordon, anchor) ? "met" : "not met";
  }
}
