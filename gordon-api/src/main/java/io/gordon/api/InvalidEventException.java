package io.gordon.api;

import java.util.List;
import java.util.Objects;

/**
 * An event that does not satisfy the event schema. Permanent. Each problem names the field (a JSON
 * path such as {@code resourceRecords[0].ttl}), the value and the rule.
 */
public class InvalidEventException extends PermanentException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  /** Creates the exception from one or more problems, each a complete sentence. */
  public InvalidEventException(List<String> problems) {
    super(String.join("; ", requireNonEmpty(problems)));
    this.problems = List.copyOf(problems);
  }

  /** Creates the exception from a single problem. */
  public InvalidEventException(String problem) {
    this(List.of(problem));
  }

  /** Every problem found, in document order. */
  public List<String> problems() {
    return problems;
  }

  private static List<String> requireNonEmpty(List<String> problems) {
    Objects.requireNonNull(problems, "problems == null");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    return problems;
  }
}
