package io.gordon.api;

import java.util.List;

/**
 * Invalid configuration. Carries every problem found, each formatted as {@code FILE:LINE:COL: KEY:
 * problem (expected ...)}, so that one run reports them all.
 */
public class ConfigException extends GordonException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  /** Creates the exception from the complete list of problems. */
  public ConfigException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
  }

  /** Creates the exception from a single problem. */
  public ConfigException(String problem) {
    this(List.of(problem));
  }

  /** Every problem found, one formatted line each. */
  public List<String> problems() {
    return problems;
  }
}
