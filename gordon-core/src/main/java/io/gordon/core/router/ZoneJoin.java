package io.gordon.core.router;

import io.gordon.api.model.Change;
import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.ChangeResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The rarer case of a message whose changes lie in several zones: one request per zone, and the
 * results put back in the message's order once the last zone has answered (on that zone's thread).
 * The first call error, if any, fails the whole attempt.
 */
final class ZoneJoin {
  private final List<Change> changes;
  private final ZoneQueue[] queues;
  private final EventMessage message;
  private final Consumer<Attempt> done;
  private final Consumer<List<ChangeResult>> finish;
  private final ChangeResult[] results;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile Throwable error;

  ZoneJoin(
      List<Change> changes,
      ZoneQueue[] queues,
      EventMessage message,
      Consumer<Attempt> done,
      Consumer<List<ChangeResult>> finish) {
    this.changes = changes;
    this.queues = queues;
    this.message = message;
    this.done = done;
    this.finish = finish;
    this.results = new ChangeResult[changes.size()];
  }

  void send() {
    Map<ZoneQueue, List<Integer>> byZone = new LinkedHashMap<>();
    for (int i = 0; i < queues.length; i++) {
      byZone.computeIfAbsent(queues[i], q -> new ArrayList<>()).add(i);
    }
    pending.set(byZone.size());
    byZone.forEach(
        (q, idx) -> {
          List<Change> part = idx.stream().map(changes::get).toList();
          q.add(
              new ZoneQueue.Request(
                  part,
                  (rs, err) -> {
                    if (err != null) {
                      error = err;
                    } else {
                      for (int k = 0; k < idx.size(); k++) {
                        results[idx.get(k)] = rs.get(k);
                      }
                    }
                    if (pending.decrementAndGet() == 0) {
                      complete();
                    }
                  }));
        });
  }

  private void complete() {
    Throwable e = error;
    if (e != null) {
      done.accept(new Attempt.Failed(message, e));
    } else {
      finish.accept(Arrays.asList(results));
    }
  }
}
