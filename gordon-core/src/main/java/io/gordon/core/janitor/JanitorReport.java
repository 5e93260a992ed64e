package io.gordon.core.janitor;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one janitor run.
 *
 * @param startedAt when the run started
 * @param plan what was planned
 * @param sent what became of each event; empty for a dry run
 * @param dryRun whether nothing was sent
 * @param errors failures outside the plan (e.g. the publisher failed), one line each
 */
public record JanitorReport(
    Instant startedAt, JanitorPlan plan, List<Sent> sent, boolean dryRun, List<String> errors) {
  /** Exit status: done. */
  public static final int OK = 0;

  /** Exit status: a zone could not be reconciled or a change failed. */
  public static final int FAILED = 1;

  /** Exit status: the deletion guard tripped (and nothing else failed). */
  public static final int GUARD = 3;

  /** Copies the lists. */
  public JanitorReport {
    sent = List.copyOf(sent);
    errors = List.copyOf(errors);
  }

  /** Whether every zone was reconciled and every event did its job. */
  public boolean failed() {
    return !plan.errors().isEmpty() || !errors.isEmpty() || sent.stream().anyMatch(s -> !s.ok());
  }

  /** {@link #OK}, {@link #FAILED} or {@link #GUARD}. */
  public int exitStatus() {
    return failed() ? FAILED : plan.guardTripped() ? GUARD : OK;
  }

  /** {@code success}, {@code failed} or {@code guard-tripped}, for metrics and /readyz. */
  public String status() {
    return switch (exitStatus()) {
      case OK -> "success";
      case GUARD -> "guard-tripped";
      default -> "failed";
    };
  }
}
