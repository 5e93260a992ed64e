package io.gordon.testing.fakes;

import static org.awaitility.Awaitility.await;

import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Delivery} that records each settlement in order. Thread-safe. */
public final class RecordingDelivery implements Delivery {
  /**
   * One settlement.
   *
   * @param messageId the id
   * @param outcome the outcome
   * @param history the history
   */
  public record Settlement(String messageId, Outcome outcome, List<HistoryEntry> history) {}

  private final List<Settlement> settlements = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();

  @Override
  public void settle(String messageId, Outcome outcome, List<HistoryEntry> history) {
    counts.merge(messageId, 1, Integer::sum);
    settlements.add(new Settlement(messageId, outcome, List.copyOf(history)));
  }

  /** Every settlement, in the order they happened. */
  public List<Settlement> settlements() {
    return List.copyOf(settlements);
  }

  /** The outcome of {@code id}; fails if it was not settled exactly once. */
  public Outcome outcome(String id) {
    return settlement(id).outcome();
  }

  /** The settlement of {@code id}; fails if it was not settled exactly once. */
  public Settlement settlement(String id) {
    List<Settlement> s = settlements.stream().filter(x -> x.messageId().equals(id)).toList();
    if (s.size() != 1) {
      throw new AssertionError("message " + id + " settled " + s.size() + " times: " + s);
    }
    return s.get(0);
  }

  /** How many times {@code id} was settled. */
  public int times(String id) {
    return counts.getOrDefault(id, 0);
  }

  /** Waits until {@code n} settlements were recorded. */
  public void awaitCount(int n, Duration timeout) {
    await().atMost(timeout).until(() -> settlements.size() >= n);
  }
}
