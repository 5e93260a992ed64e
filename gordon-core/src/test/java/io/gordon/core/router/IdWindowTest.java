package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.testing.fakes.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdWindowTest {
  private final MutableClock clock = new MutableClock(Events.T0);
  private final IdWindow ids = new IdWindow(clock, Duration.ofMinutes(10), 2);

  private static Flight flight(String id) {
    return new Flight(Events.add(id, "www.example.com", "10.0.0.1"), (i, o, h) -> { });
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
  void aRedeliveredIdIsForgottenAtOnce() {
    Flight a = flight("a");
    ids.admit(a);
    ids.finished(a, false);
    assertThat(ids.admit(flight("a"))).isTrue();
  }

  @Test
  void theOldestFinishedIdsAreForgottenBeyondTheBound() {
    for (String id : new String[] {"a", "b", "c"}) {
      Flight f = flight(id);
      ids.admit(f);
      ids.finished(f, true);
    }
    assertThat(ids.admit(flight("a"))).as("forgotten: 3 ids held, bound 2").isTrue();
    assertThat(ids.admit(flight("c"))).isFalse();
  }
}
