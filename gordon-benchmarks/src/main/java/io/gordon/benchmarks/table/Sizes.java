package io.gordon.benchmarks.table;

/**
 * How big each row's run is: the default run (about 15 minutes on 2 cores in all) or the quick
 * smoke run ({@code --quick}), which only shows that every row works.
 *
 * @param quick whether this is the smoke run
 */
public record Sizes(boolean quick) {
  /** Picks {@code full} for the default run, {@code small} for the smoke run. */
  public int pick(int full, int small) {
    return quick ? small : full;
  }
}
