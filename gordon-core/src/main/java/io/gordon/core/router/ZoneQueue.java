package io.gordon.core.router;

import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * message per ordering key (an event's first record name) in flight, so only an event with several
 * records can reach this queue while another call holds one of its names: such a request waits
 * here, and every later request sharing a name with it waits behind it, until no running call holds
 * any of its names. A request's names are its changes' owner names and their owner markers' names
 * ({@link OwnerMarker#nameFor}), so no two running calls write the same name.
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

  /**
   * Requests taken from {@link #queue} that hold a name of a running call, or follow one that does,
   * in arrival order; they come before everything still in the queue. Only the queue's thread.
   */
  private final ArrayDeque<Request> deferred = new ArrayDeque<>();

  /** The names held by running calls (only with concurrent calls). */
  private final Set<String> held = ConcurrentHashMap.newKeySet();

  /**
   * The names of requests looked at by {@link #blocks}, kept for {@link #dispatch}; queue thread.
   */
  private final IdentityHashMap<Request, Set<String>> namesSeen = new IdentityHashMap<>();

  /** Set when a call returns, so that the queue's thread looks at the deferred requests again. */
  private final AtomicBoolean returned = new AtomicBoolean();

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
    wake();
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
        returned.set(false);
      }
      List<Request> batch = take();
      if (!batch.isEmpty()) {
        dispatch(batch);
        continue;
      }
      if (slots != null) {
        slots.release();
      }
      if (closed && deferred.isEmpty() && queue.isEmpty()) {
        if (slots != null) {
          // Returns only when no call is left running, as with one call at a time.
          slots.acquireUninterruptibly(concurrency);
        }
        return;
      }
      // Announce the park before the last look at the queue: an add() or a returning call after
      // that look sees the flag and unparks us (the permit makes a later park return at once).
      parked.set(true);
      if (queue.isEmpty() && !returned.get() && (!closed || !deferred.isEmpty())) {
        LockSupport.park(this);
      }
      parked.set(false);
    }
  }

  private void wake() {
    if (parked.get() && parked.compareAndSet(true, false)) {
      LockSupport.unpark(thread);
    }
  }

  /** Runs the call here, or on a thread of its own that gives its names and slot back. */
  private void dispatch(List<Request> batch) {
    if (slots == null) {
      apply(batch);
      return;
    }
    Set<String> names = new HashSet<>();
    for (Request r : batch) {
      Set<String> seen = namesSeen.remove(r);
      names.addAll(seen != null ? seen : names(r));
    }
    held.addAll(names);
    Thread.ofVirtual()
        .name(thread.getName() + "-call")
        .start(
            () -> {
              try {
                apply(batch, () -> release(names));
              } finally {
                slots.release();
              }
            });
  }

  /** The provider has returned: the names are free before anyone is told of the results. */
  private void release(Set<String> names) {
    held.removeAll(names);
    returned.set(true);
    wake();
  }

  /**
   * The next batch: requests in arrival order up to {@code maxBatch} changes, leaving deferred (in
   * order) those that share a name with a running call or with a request left deferred before them,
   * so two requests for one name are applied in the order they came.
   */
  private List<Request> take() {
    List<Request> batch = new ArrayList<>();
    Set<String> blocked = held.isEmpty() && deferred.isEmpty() ? null : new HashSet<>(held);
    int size = 0;
    for (Iterator<Request> it = deferred.iterator(); it.hasNext() && size < maxBatch; ) {
      Request r = it.next();
      if (!fits(r, size)) {
        return batch;
      }
      if (!blocks(blocked, r)) {
        it.remove();
        queued.decrementAndGet();
        batch.add(r);
        size += r.changes().size();
      }
    }
    Request r;
    while (size < maxBatch && (r = queue.peek()) != null && fits(r, size)) {
      queue.poll();
      if (blocks(blocked, r)) {
        deferred.add(r);
      } else {
        queued.decrementAndGet();
        batch.add(r);
        size += r.changes().size();
      }
    }
    return batch;
  }

  private boolean fits(Request r, int size) {
    return size == 0 || size + r.changes().size() <= maxBatch;
  }

  /**
   * Whether {@code r} must wait: it shares a name with {@code blocked} (the running calls' names
   * and those of the requests left waiting so far), which then takes its names too. Null when
   * nothing runs and nothing waits.
   */
  private boolean blocks(Set<String> blocked, Request r) {
    if (blocked == null) {
      return false;
    }
    Set<String> names = namesSeen.computeIfAbsent(r, this::names);
    boolean waits = names.stream().anyMatch(blocked::contains);
    if (waits) {
      blocked.addAll(names);
    }
    return waits;
  }

  /**
   * The names {@code r} may write: owner names, and the owner marker name of every change. Changes
   * reach this queue unclaimed when the ownership wrapper claims them inside its {@code apply}, so
   * the marker name is held whether or not the change carries a claim yet.
   */
  private Set<String> names(Request r) {
    Set<String> names = new HashSet<>();
    for (Change c : r.changes()) {
      names.add(c.name());
      try {
        names.add(OwnerMarker.nameFor(c.name(), c.type(), calls.zone()));
      } catch (IllegalArgumentException e) {
        // No marker name: a claimed change is refused by the provider and writes nothing.
      }
    }
    return names;
  }

  private void apply(List<Request> batch) {
    apply(batch, () -> {});
  }

  private void apply(List<Request> batch, Runnable returned) {
    List<Change> all;
    if (batch.size() == 1) {
      all = batch.get(0).changes();
    } else {
      all = new ArrayList<>();
      for (Request r : batch) {
        all.addAll(r.changes());
      }
    }
    ProviderCalls.Result result;
    try {
      result = calls.apply(dns, List.copyOf(all));
    } finally {
      returned.run();
    }
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
