package io.gordon.local.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for accepted events to finish, for {@code POST /v1/events?wait=true}. */
final class Waiter {
  /**
   * What the wait found.
   *
   * @param ids the events waited for
   * @param statuses each one's status, in the order of {@code ids}; empty when no longer known
   * @param timedOut why not every event finished, when one did not: the answer's {@code waited}
   */
  record Results(
      List<String> ids, List<Optional<StatusTracker.Status>> statuses, Optional<String> timedOut) {
    boolean finished() {
      return timedOut.isEmpty();
    }
  }

  private Waiter() {}

  /**
   * Waits up to {@code timeout} for every id to be applied, skipped or dead-lettered. A finished
   * event's status is the one it finished with; the others' are read once the wait ends.
   */
  static Results await(StatusTracker tracker, List<String> ids, Duration timeout) {
    StatusWait w = tracker.watch(ids);
    boolean finished =
        !w.unknown(); // an unknown id never finishes; wait for the others all the same
    try {
      w.done().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      finished = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished = false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a wait is only ever completed normally", e);
    }
    Optional<String> timedOut =
        finished
            ? Optional.empty()
            : Optional.of(
                "wait_timeout ("
                    + timeout.toSeconds()
                    + " s) passed before every"
                    + " event finished; the events stay accepted, poll GET /v1/events/{id}");
    return new Results(ids, tracker.results(w), timedOut);
  }
}
