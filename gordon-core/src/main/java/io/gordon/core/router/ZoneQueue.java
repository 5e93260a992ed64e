package io.gordon.core.router;

import io.gordon.api.model.Change;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit for one zone of one provider, on a thread of its own: changes queued while an {@code
 * apply} call runs are sent together in the next call (up to {@code maxBatch} changes). An idle
 * zone's thread applies a lone change at once (no linger). Lanes never wait for the provider, they
 * queue their changes here and move on.
 *
 * <p>One apply per zone runs at a time, as the {@link DnsProvider} contract requires, unless the
 * provider allows more with {@link DnsProvider#maxConcurrentApplies()}: then up to that many calls
 * run at once, each on a virtual thread of its own, and the next batch is taken only when one of
 * them returns (so changes still gather into batches while the provider is busy). A lane keeps one
 * message per ordering key in flight, so two calls hold the same name only for events with several
 * records (see that method).
 *
 * <p>The queue's thread is a virtual thread started with the queue; it parks while the queue is
 * empty and is woken by the next {@link #add}. After each call the calling thread hands every
 * request its results through the request's callback.
 */
final class ZoneQueue {
  /** Told the results of one request: one per change, in order, or the error of the call. */
  @FunctionalInterface
  interface Callback {
    void done(List<ChangeResult> results, Throwable error);
  }

  /** Changes of one message for this zone, and who to tell. */
  record Request(List<Change> changes, Callback callback) {}

  private final DnsProvider dns;
  private final ProviderCalls calls;
  private final int maxBatch;

  /** Free call slots when the provider allows concurrent calls, else null (calls run inline). */
  private final Semaphore slots;

  private final int concurrency;
  private final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean parked = new AtomicBoolean();
  private final Thread thread;
  private volatile boolean closed;

  ZoneQueue(DnsProvider dns, ProviderCalls calls, int maxBatch) {
    this.dns = dns;
    this.calls = calls;
    this.maxBatch = maxBatch;
    int n = dns.maxConcurrentApplies();
    if (n < 1) {
      Router.LOG.warn(
          "provider {} says maxConcurrentApplies() = {}, which is below 1; calling "
              + "it once at a time for zone {}",
          calls.provider(),
          n,
          calls.zone());
    }
    this.concurrency = Math.max(1, n);
    this.slots = concurrency > 1 ? new Semaphore(concurrency) : null;
    this.thread =
        Thread.ofVirtual()
            .name("gordon-publish-" + calls.provider() + "-" + calls.zone())
            .unstarted(this::run);
  }

  /** The provider's name and this zone, for messages. */
  ProviderCalls calls() {
    return calls;
  }

  void start() {
    thread.start();
  }

  /** Queues {@code r}; its callback runs on this queue's thread after the provider call. */
  void add(Request r) {
    queue.add(r);
    queued.incrementAndGet();
    if (parked.get() && parked.compareAndSet(true, false)) {
      LockSupport.unpark(thread);
    }
  }

  /** Requests waiting for the next apply call. */
  int queued() {
    return queued.get();
  }

  /** Stops the thread once the queue is empty. */
  void close() {
    closed = true;
    LockSupport.unpark(thread);
  }

  private void run() {
    while (true) {
      if (slots != null) {
        slots.acquireUninterruptibly();
      }
      List<Request> batch = take();
      if (!batch.isEmpty()) {
        dispatch(batch);
        continue;
      }
      if (slots != null) {
        slots.release();
      }
      if (closed) {
        if (slots != null) {
          // Returns only when no call is left running, as with one call at a time.
          slots.acquireUninterruptibly(concurrency);
        }
        return;
      }
      // Announce the park before the last look at the queue: an add() after that look sees
      // the flag and unparks us (the permit makes a later park return at once).
      parked.set(true);
      if (queue.isEmpty() && !closed) {
        LockSupport.park(this);
      }
      parked.set(false);
    }
  }

  /** Runs the call here, or on a thread of its own that gives its slot back. */
  private void dispatch(List<Request> batch) {
    if (slots == null) {
      apply(batch);
      return;
    }
    Thread.ofVirtual()
        .name(thread.getName() + "-call")
        .start(
            () -> {
              try {
                apply(batch);
              } finally {
                slots.release();
              }
            });
  }

  private List<Request> take() {
    List<Request> batch = new ArrayList<>();
    int size = 0;
    Request r;
    while (size < maxBatch && (r = queue.peek()) != null) {
      if (size > 0 && size + r.changes().size() > maxBatch) {
        break;
      }
      queue.poll();
      queued.decrementAndGet();
      batch.add(r);
      size += r.changes().size();
    }
    return batch;
  }

  private void apply(List<Request> batch) {
    List<Change> all;
    if (batch.size() == 1) {
      all = batch.get(0).changes();
    } else {
      all = new ArrayList<>();
      for (Request r : batch) {
        all.addAll(r.changes());
      }
    }
    ProviderCalls.Result result = calls.apply(dns, List.copyOf(all));
    if (result.error() != null) {
      batch.forEach(r -> r.callback().done(null, result.error()));
      return;
    }
    List<ChangeResult> results = result.results();
    int i = 0;
    for (Request r : batch) {
      int n = r.changes().size();
      r.callback().done(results.subList(i, i + n), null);
      i += n;
    }
  }
}
