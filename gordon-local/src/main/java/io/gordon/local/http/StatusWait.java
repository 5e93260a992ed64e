package io.gordon.local.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code ?wait=true} request's wait ({@link StatusTracker#watch}): the status each event
 * finished with, and how many are still to finish. One per request, completed once, instead of a
 * future per event: a future per event was completed (and the waiting thread woken) on the settling
 * thread for every event.
 */
final class StatusWait {
  private final List<String> ids;

  /** Each event's status once finished, else null. Guarded by this. */
  private final StatusTracker.Status[] finished;

  /** Events still to finish, plus one until the registration is over. Guarded by this. */
  private int left = 1;

  /** Set during registration, read after it: whether an id was not known when the wait began. */
  volatile boolean unknown;

  private final CompletableFuture<Void> done = new CompletableFuture<>();

  StatusWait(List<String> ids) {
    this.ids = ids;
    this.finished = new StatusTracker.Status[ids.size()];
  }

  /** Event {@code index} had finished with {@code s} before the wait began. */
  synchronized void already(int index, StatusTracker.Status s) {
    finished[index] = s;
  }

  /** One more event to wait for. */
  synchronized void expect() {
    left++;
  }

  /** Event {@code index} finished with {@code s} ({@code -1}: the registration is over). */
  void arrived(int index, StatusTracker.Status s) {
    boolean last;
    synchronized (this) {
      if (index >= 0) {
        finished[index] = s;
      }
      last = --left == 0;
    }
    if (last) {
      done.complete(null);
    }
  }

  /** Completes once every known event finished. */
  CompletableFuture<Void> done() {
    return done;
  }

  /** Whether an id was not known when the wait began (it then never finishes here). */
  boolean unknown() {
    return unknown;
  }

  int size() {
    return ids.size();
  }

  String id(int i) {
    return ids.get(i);
  }

  synchronized StatusTracker.Status finished(int i) {
    return finished[i];
  }
}
