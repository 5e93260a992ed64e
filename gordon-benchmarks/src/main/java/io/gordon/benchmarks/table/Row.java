package io.gordon.benchmarks.table;

import java.util.List;

/** One benchmark row of the table: runs its measurement and returns its lines. */
@FunctionalInterface
public interface Row {
  /** Runs the measurement at the given sizes; a row may give several lines (one per goal). */
  List<Line> run(Sizes sizes) throws Exception;
}
