package io.gordon.local.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    List<CompletableFuture<StatusTracker.Status>> done = new ArrayList<>(ids.size());
    for (String id : ids) {
      done.add(tracker.whenDone(id));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean finished = true;
    // Last first: events settle roughly in the order they were accepted, so once the last is done
    // the others mostly are, and the thread wakes about once per request instead of once per
    // event (an allOf over all of them did the same, at the cost of a tree of completions).
    for (int i = done.size() - 1; i >= 0; i--) {
      CompletableFuture<StatusTracker.Status> f = done.get(i);
      try {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        finished = false;
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        finished = false;
        break;
      } catch (ExecutionException e) {
        finished = false; // no longer known; wait for the others all the same
      }
    }
    List<Optional<StatusTracker.Status>> statuses = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      CompletableFuture<StatusTracker.Status> f = done.get(i);
      statuses.add(
          f.isDone() && !f.isCompletedExceptionally()
              ? Optional.of(f.join())
              : tracker.status(ids.get(i)));
    }
    Optional<String> timedOut =
        finished
            ? Optional.empty()
            : Optional.of(
                "wait_timeout ("
                    + timeout.toSeconds()
                    + " s) passed before every"
                    + " event finished; the events stay accepted, poll GET /v1/events/{id}");
    return new Results(ids, statuses, timedOut);
  }
}
