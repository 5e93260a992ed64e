package io.gordon.benchmarks.pubsub;

import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A provider that times every {@code apply} of the one it wraps and counts its changes, so a
 * benchmark can tell the provider's share of a message's latency from the hops around it.
 */
final class TimedProvider implements DnsProvider {
  private final DnsProvider inner;
  private final ConcurrentLinkedQueue<long[]> calls = new ConcurrentLinkedQueue<>();

  TimedProvider(DnsProvider inner) {
    this.inner = inner;
  }

  @Override
  public Set<String> zones() {
    return inner.zones();
  }

  @Override
  public List<ChangeResult> apply(List<Change> changes) {
    long t = System.nanoTime();
    try {
      return inner.apply(changes);
    } finally {
      calls.add(new long[] {System.nanoTime() - t, changes.size()});
    }
  }

  @Override
  public Optional<RecordSet> read(String name, RecordType type) {
    return inner.read(name, type);
  }

  @Override
  public List<RecordSet> list(String zone) {
    return inner.list(zone);
  }

  /** "N calls, X changes per call, p50/p99 ms per call". */
  String summary() {
    long[] ms = calls.stream().mapToLong(c -> c[0]).sorted().toArray();
    double perCall = calls.stream().mapToLong(c -> c[1]).average().orElse(0);
    return ms.length == 0
        ? "no provider calls"
        : String.format(
            java.util.Locale.ROOT,
            "%d provider calls, %.1f changes per call, p50 %.1f ms, p99 %.1f ms per call",
            ms.length,
            perCall,
            PubSubBenchmark.percentile(ms, 0.5),
            PubSubBenchmark.percentile(ms, 0.99));
  }
}
