package io.gordon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void theLineShowsCountPercentRateAndTimeLeft() {
    assertThat(Progress.line("applying", 250, 1000, Duration.ofSeconds(5)))
        .isEqualTo("applying: 250/1000 (25%), 50/s, 15s left");
  }

  @Test
  void beforeAnythingFinishedTheTimeLeftIsUnknown() {
    assertThat(Progress.line("replaying", 0, 10, Duration.ZERO))
        .isEqualTo("replaying: 0/10 (0%), 0/s, ? left");
  }

  @Test
  void settledCountsEveryFinalOutcomeOfTheRoutersTotals() {
    assertThat(
            Progress.settled(
                Map.of(
                    "consumed",
                    9L,
                    "applied",
                    3L,
                    "skipped",
                    1L,
                    "dead_lettered",
                    2L,
                    "redelivered",
                    1L,
                    "in_flight",
                    2L)))
        .isEqualTo(7);
  }

  @Test
  void offATerminalNothingIsShown() {
    try (Progress p = Progress.start("applying", 10, () -> 5L)) {
      assertThat(System.console()).isNull(); // surefire's fork has no terminal
    }
  }
}
