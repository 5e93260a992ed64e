package io.gordon.core.router;

import io.gordon.api.plugin.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Running totals kept by the router itself, whatever the metric relay. */
final class RouterStats {
  final LongAdder consumed = new LongAdder();
  final LongAdder applied = new LongAdder();
  final LongAdder skipped = new LongAdder();
  final LongAdder deadLettered = new LongAdder();
  final LongAdder redelivered = new LongAdder();

  void count(Outcome o) {
    switch (o) {
      case Outcome.Applied a -> applied.increment();
      case Outcome.Skipped s -> skipped.increment();
      case Outcome.DeadLettered d -> deadLettered.increment();
      case Outcome.Redeliver r -> redelivered.increment();
    }
  }

  Map<String, Long> snapshot(int inFlight) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("consumed", consumed.sum());
    m.put("applied", applied.sum());
    m.put("skipped", skipped.sum());
    m.put("dead_lettered", deadLettered.sum());
    m.put("redelivered", redelivered.sum());
    m.put("in_flight", (long) inFlight);
    return m;
  }
}
