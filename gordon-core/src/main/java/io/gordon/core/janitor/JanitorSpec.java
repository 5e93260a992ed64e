package io.gordon.core.janitor;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import java.time.Duration;
import java.util.List;

/** The keys of the {@code [janitor]} table, declared once; see docs/janitor.md. */
public final class JanitorSpec {
  private JanitorSpec() {}

  /** The table's name. */
  public static final String TABLE = "janitor";

  /** {@code [janitor]}. */
  public static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .optional(
              "plugins",
              ConfigType.STRING_LIST,
              List.of(),
              Rule.any(),
              "Janitor plugins to run when the janitor reads gordon.toml (no gordon-janitor.toml):"
                  + " authorities such as \"local.inventory\" and at most one event publisher. The"
                  + " DNS providers and dead-letter sink of core.plugins read and write the zones.")
          .optional(
              "interval",
              ConfigType.DURATION,
              Duration.ZERO,
              Rule.durationAtLeast(0),
              "Also run the janitor inside gordon run, this often (e.g. \"15m\"); 0 never. The"
                  + " last run's result is shown on /readyz.")
          .optional(
              "timeout",
              ConfigType.DURATION,
              Duration.ofMinutes(5),
              Rule.durationAtLeast(1),
              "Longest wait for a run's events to be applied.")
          .build();
}
