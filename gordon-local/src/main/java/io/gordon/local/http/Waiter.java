package io.gordon.local.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for accepted events to finish, for {@code POST /v1/events?wait=true}. */
final class Waiter {
  private Waiter() {}

  /**
   * Waits up to {@code timeout} for every id to be applied, skipped or dead-lettered, and adds each
   * one's status to {@code answer} under {@code results}. Returns whether all finished.
   */
  static boolean await(
      StatusTracker tracker, List<String> ids, Duration timeout, ObjectNode answer) {
    CompletableFuture<?>[] all =
        ids.stream().map(tracker::whenDone).toArray(CompletableFuture[]::new);
    boolean finished = true;
    try {
      CompletableFuture.allOf(all).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      finished = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished = false;
    } catch (java.util.concurrent.ExecutionException e) {
      finished = false;
    }
    ArrayNode results = answer.putArray("results");
    for (String id : ids) {
      results.add(
          tracker
              .status(id)
              .map(s -> Json.status(id, s))
              .orElseGet(
                  () -> Json.MAPPER.createObjectNode().put("id", id).put("state", "unknown")));
    }
    if (!finished) {
      answer.put(
          "waited",
          "wait_timeout ("
              + timeout.toSeconds()
              + " s) passed before every"
              + " event finished; the events stay accepted, poll GET /v1/events/{id}");
    }
    return finished;
  }
}
