package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Freshness keeps an entry per name and type; acceptance pass 4 found it kept every name ever seen
 * (a service creating uniquely named VMs for weeks grows it without bound).
 */
class FreshnessTest {
  private static final Instant T0 = Events.T0;
  private static final RecordSet WWW =
      RecordSet.of("www.example.com", RecordType.A, 300, "10.0.0.1");
  private static final RecordSet OTHER =
      RecordSet.of("other.example.com", RecordType.A, 300, "10.0.0.1");
  private final Freshness freshness = new Freshness();

  @Test
  void theLastAppliedTimestampOfANameIsKeptWithinAnHourOfItsLastUse() {
    freshness.slot(WWW, T0).applied(T0.plusSeconds(60), T0);
    freshness.applied("other", 1, List.of(OTHER), T0.plusSeconds(59 * 60));

    assertThat(freshness.slot(WWW, T0.plusSeconds(59 * 60)).stale(T0)).isTrue();
  }

  @Test
  void aNameUnusedForMoreThanAnHourIsForgotten() {
    freshness.slot(WWW, T0).applied(T0.plusSeconds(60), T0);
    freshness.applied("other", 1, List.of(OTHER), T0.plusSeconds(61 * 60));

    assertThat(freshness.slot(WWW, T0.plusSeconds(61 * 60)).get()).isNull();
  }

  @Test
  void aHandBackMarkUnusedForMoreThanAnHourIsForgotten() {
    long first = freshness.arrival("v1", T0);
    freshness.failed("v1", first, List.of(WWW), T0);
    freshness.applied("v2", freshness.arrival("v2", T0), List.of(WWW), T0.plusSeconds(20));
    assertThat(freshness.receivedLate(WWW, first))
        .isEqualTo("received before message v2, which was applied since");

    freshness.applied(
        "other", freshness.arrival("other", T0), List.of(OTHER), T0.plusSeconds(62 * 60));

    assertThat(freshness.receivedLate(WWW, first)).isNull();
  }

  @Test
  void aMessageThatFailedKeepsItsArrivalNumberUntilItIsSettled() {
    long first = freshness.arrival("v1", T0);
    freshness.failed("v1", first, List.of(WWW), T0);
    long later = freshness.arrival("v2", T0);

    assertThat(freshness.arrival("v1", T0)).isEqualTo(first).isLessThan(later);
    freshness.settled("v1");
    assertThat(freshness.arrival("v1", T0)).isGreaterThan(later);
  }

  @Test
  void theArrivalNumberOfAFailedMessageIsForgottenAnHourAfterItsLastUse() {
    long first = freshness.arrival("v1", T0);
    freshness.failed("v1", first, List.of(WWW), T0);

    freshness.applied(
        "other", freshness.arrival("other", T0), List.of(OTHER), T0.plusSeconds(61 * 60));

    assertThat(freshness.arrival("v1", T0.plusSeconds(61 * 60))).isGreaterThan(first + 1);
  }
}
