package io.gordon.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));

  @Test
  void delaysDoubleUpToTheMaximum() {
    assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofSeconds(16));
    assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.ceiling(60)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jitterStaysBetweenHalfAndAllOfTheCeiling() {
    for (int attempt = 0; attempt < 8; attempt++) {
      for (int i = 0; i < 50; i++) {
        Duration d = backoff.delay(attempt);
        assertThat(d).isBetween(backoff.ceiling(attempt).dividedBy(2), backoff.ceiling(attempt));
      }
    }
  }

  @Test
  void aMaximumBelowTheInitialDelayIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("backoff needs 0 <= initial <= max but was PT2S and PT1S");
  }
}
