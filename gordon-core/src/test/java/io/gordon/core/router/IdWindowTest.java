package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.testing.fakes.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdWindowTest {
  private final MutableClock clock = new MutableClock(Events.T0);
  private final IdWindow ids = new IdWindow(clock, Duration.ofMinutes(10), 2);

  static Flight flight(String id) {
    return new Flight(Events.add(id, "www.example.com", "10.0.0.1"), (i, o, h) -> {});
  }

  private void settle(String id) {
    Flight f = flight(id);
    assertThat(ids.admit(f)).as("admit %s", id).isTrue();
    ids.finished(f, true);
  }

  @Test
  void anIdInFlightOrFinishedWithinTheWindowIsNotAdmittedAgain() {
    Flight a = flight("a");
    assertThat(ids.admit(a)).isTrue();
    assertThat(ids.admit(flight("a"))).as("in flight").isFalse();
    ids.finished(a, true);
    assertThat(ids.inFlight()).isEmpty();
    clock.advance(Duration.ofMinutes(9));
    assertThat(ids.admit(flight("a"))).as("finished 9 minutes ago").isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(ids.admit(flight("a"))).as("window passed").isTrue();
  }

  @Test
  void aDuplicateRefusedAfterSettlementLeavesNothingInFlight() {
    settle("a");
    assertThat(ids.admit(flight("a"))).isFalse();
    assertThat(ids.inFlight()).isEmpty();
  }

  @Test
  void aRedeliveredIdIsForgottenAtOnce() {
    Flight a = flight("a");
    ids.admit(a);
    ids.finished(a, false);
    assertThat(ids.admit(flight("a"))).isTrue();
  }

  @Test
  void theInFlightListHoldsTheAdmittedFlightsUntilTheySettle() {
    Flight a = flight("a");
    Flight b = flight("b");
    ids.admit(a);
    ids.admit(b);
    assertThat(ids.inFlight()).containsExactlyInAnyOrder(a, b);
    ids.finished(a, true);
    assertThat(ids.inFlight()).containsExactly(b);
  }

  @Test
  void theOldestFinishedIdsAreForgottenBeyondTheBound() {
    for (String id : new String[] {"a", "b"}) {
      settle(id);
    }
    Flight c = flight("c");
    ids.admit(c);
    assertThat(ids.finished(c, true)).as("ids forgotten early").isEqualTo(1);
    assertThat(ids.admit(flight("a"))).as("forgotten: 3 ids held, bound 2").isTrue();
    assertThat(ids.admit(flight("b"))).isFalse();
    assertThat(ids.admit(flight("c"))).isFalse();
  }

  @Test
  void expiredIdsLeaveTheWindowWithoutCountingAsForgottenEarly() {
    settle("a");
    settle("b");
    clock.advance(Duration.ofMinutes(10));
    Flight c = flight("c");
    ids.admit(c);
    assertThat(ids.finished(c, true)).isZero();
    assertThat(ids.settledHeld()).isEqualTo(1);
  }

  @Test
  void anIdReusedAfterItsWindowIsRememberedFromItsNewSettlement() {
    settle("a");
    clock.advance(Duration.ofMinutes(10));
    settle("a");
    clock.advance(Duration.ofMinutes(9));
    assertThat(ids.admit(flight("a"))).as("settled again 9 minutes ago").isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(ids.admit(flight("a"))).isTrue();
  }

  @Test
  void aShardCountThatIsNotAPowerOfTwoIsRefused() {
    assertThatThrownBy(() -> new IdWindow(clock, Duration.ofMinutes(1), 100, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "shards is 3 for maxIds 100, must be a power of two, at most maxIds and at least "
                + "maxIds / 8192");
  }

  @Test
  void moreIdsPerShardThanOneTableHoldsAreRefused() {
    assertThatThrownBy(() -> new IdWindow(clock, Duration.ofMinutes(1), 16_385, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "shards is 2 for maxIds 16385, must be a power of two, at most maxIds and at least "
                + "maxIds / 8192");
  }

  @Test
  void aBoundThatTheShardsDoNotDivideIsKeptExactly() {
    IdWindow five = new IdWindow(clock, Duration.ofMinutes(10), 5, 4);
    for (int i = 0; i < 200; i++) {
      Flight f = flight("id-" + i);
      five.admit(f);
      five.finished(f, true);
    }
    assertThat(five.settledHeld()).isEqualTo(5);
  }

  @Test
  void aZeroWindowRemembersNothing() {
    IdWindow none = new IdWindow(clock, Duration.ZERO, 2);
    Flight a = flight("a");
    assertThat(none.admit(a)).isTrue();
    assertThat(none.admit(flight("a"))).as("in flight").isFalse();
    none.finished(a, true);
    assertThat(none.admit(flight("a"))).isTrue();
  }

  @Test
  void idsThatDifferOnlyInNonAsciiCharactersAreDistinct() {
    settle("café-1");
    assertThat(ids.admit(flight("cafe-1"))).isTrue();
    assertThat(ids.admit(flight("café-1"))).isFalse();
  }
}
