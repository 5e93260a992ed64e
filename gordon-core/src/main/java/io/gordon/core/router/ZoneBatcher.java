package io.gordon.core.router;

import io.gordon.api.model.Change;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.MetricRelay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit for one zone of one provider: changes submitted while an {@code apply} call runs
 * are collected and sent together in the next call (up to {@code maxBatch} changes). The first
 * submitter of an idle zone applies at once (no linger), so a lone event is not delayed, and
 * keeps applying batches until the queue is empty; while it waits for the provider, later
 * submitters queue up. At most one apply per zone runs at a
 * time, as the {@link DnsProvider} contract requires.
 */
final class ZoneBatcher {
  /** Gauge of changes per apply call, attributes {@code provider} and {@code zone}. */
  static final String BATCH_SIZE = "router-publish-batch-size";

  private final String providerName;
  private final DnsProvider provider;
  private final Map<String, String> attrs;
  private final MetricRelay metrics;
  private final int maxBatch;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  ZoneBatcher(String providerName, DnsProvider provider, String zone, MetricRelay metrics,
      int maxBatch) {
    this.providerName = providerName;
    this.provider = provider;
    this.attrs = Map.of("provider", providerName, "zone", zone);
    this.metrics = metrics;
    this.maxBatch = maxBatch;
  }

  /** Queues {@code changes}; the future completes with one result per change, in order. */
  CompletableFuture<List<ChangeResult>> submit(List<Change> changes) {
    Pending p = new Pending(changes, new CompletableFuture<>());
    queue.add(p);
    if (draining.compareAndSet(false, true)) {
      // Leader: apply on this thread until nothing is queued. Callers do not wait on the
      // future (the router continues asynchronously), so draining here blocks no message.
      drain();
    }
    return p.result;
  }

  private void drain() {
    while (true) {
      List<Pending> batch = take();
      if (batch.isEmpty()) {
        draining.set(false);
        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      apply(batch);
    }
  }

  /** Requests waiting for the next apply call. */
  int queued() {
    return queue.size();
  }

  private List<Pending> take() {
    List<Pending> batch = new ArrayList<>();
    int size = 0;
    Pending p;
    while (size < maxBatch && (p = queue.peek()) != null) {
      if (size > 0 && size + p.changes.size() > maxBatch) {
        break;
      }
      queue.poll();
      batch.add(p);
      size += p.changes.size();
    }
    return batch;
  }

  private void apply(List<Pending> batch) {
    List<Change> all = new ArrayList<>();
    for (Pending p : batch) {
      all.addAll(p.changes);
    }
    metrics.set(BATCH_SIZE, all.size(), attrs);
    List<ChangeResult> results;
    try {
      results = provider.apply(List.copyOf(all));
      if (results == null || results.size() != all.size()) {
        throw new IllegalStateException("provider " + providerName + " returned "
            + (results == null ? "null" : results.size() + " results") + " for "
            + all.size() + " changes");
      }
    } catch (RuntimeException | Error e) {
      batch.forEach(p -> p.result.completeExceptionally(e));
      return;
    }
    int i = 0;
    for (Pending p : batch) {
      p.result.complete(results.subList(i, i + p.changes.size()));
      i += p.changes.size();
    }
  }

  private record Pending(List<Change> changes, CompletableFuture<List<ChangeResult>> result) {}
}
