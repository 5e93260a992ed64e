package io.gordon.local.zonefile;

import io.gordon.api.ProviderException;
import io.gordon.api.plugin.HealthReporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Decides how each batch becomes durable and when each zone file is rewritten: the file at once
 * while that keeps rewrites within their share of the time ({@link RewritePolicy}), else the
 * journal now and the file on a timer when due (or as soon as the batches stop), so a file never
 * waits for the next batch to catch up; and at shutdown. A rewrite that fails (e.g. a full disk)
 * leaves the batches safe in the journal, reports the zone not ready and is tried again on the
 * timer.
 */
final class Rewrites {
  /** How soon a failed rewrite is tried again. */
  static final Duration RETRY = Duration.ofSeconds(1);

  private final ZoneStore store;
  private final ZoneLocks locks;
  private final Clock clock;
  private final int sharePercent;
  private final HealthReporter health;
  private final System.Logger log;
  private final Map<String, RewritePolicy> policies = new ConcurrentHashMap<>();
  private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private volatile ScheduledThreadPoolExecutor timer;

  Rewrites(
      ZoneStore store,
      ZoneLocks locks,
      Clock clock,
      int sharePercent,
      HealthReporter health,
      System.Logger log) {
    this.store = store;
    this.locks = locks;
    this.clock = clock;
    this.sharePercent = sharePercent;
    this.health = health;
    this.log = log;
  }

  /** Starts the timer. */
  void start() {
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1, r -> Thread.ofPlatform().daemon().name("gordon-zonefile-rewrite").unstarted(r));
    t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    t.setRemoveOnCancelPolicy(true);
    timer = t;
  }

  /** Whether some zone file cannot be written at the moment. */
  boolean failing() {
    return !failing.isEmpty();
  }

  /**
   * Makes a batch's changes to {@code data} durable (caller holds the zone's lock): by rewriting
   * the file when that keeps within the share (no journal needed then), else, or when the rewrite
   * fails, by appending them to the journal and rewriting the file when due. Throws when neither
   * worked: then nothing is acknowledged.
   */
  void commit(String zone, ZoneData data) {
    RewritePolicy p = policy(zone);
    Instant now = clock.instant();
    if (p.due(now) && now(zone, data)) {
      return;
    }
    if (store.commit(data)) {
      p.journaled(now);
      schedule(zone, failing.contains(zone) ? now.plus(RETRY) : p.dueAt());
    }
  }

  /** Rewrites the file now (caller holds the zone's lock); returns whether it worked. */
  boolean now(String zone, ZoneData data) {
    RewritePolicy p = policy(zone);
    Instant start = clock.instant();
    try {
      if (!store.rewrite(data)) {
        schedule(zone, clock.instant()); // another writer's edit: merge it in and write soon
        return false;
      }
      p.rewrote(start, clock.instant());
      failing.remove(zone);
      if (failing.isEmpty()) {
        health.healthy();
      }
      return true;
    } catch (ProviderException e) {
      failing.add(zone); // the next batch tries again at once: no rewrite time is recorded
      health.unhealthy(e.getMessage());
      log.log(
          System.Logger.Level.WARNING,
          e.getMessage() + "; changes are kept in the journal until it works");
      schedule(zone, clock.instant().plus(RETRY));
      return false;
    }
  }

  /** Stops the timer and writes every file that lags; what fails stays in the journals. */
  void stop(Set<String> zones) {
    ScheduledThreadPoolExecutor t = timer;
    timer = null;
    if (t != null) {
      t.shutdown();
      try {
        t.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (String zone : zones) {
      locks.locked(
          zone,
          () -> {
            flushNow(zone);
            return null;
          });
    }
  }

  private void schedule(String zone, Instant at) {
    ScheduledThreadPoolExecutor t = timer;
    if (t == null || !scheduled.add(zone)) {
      return;
    }
    long delay = Math.max(0, Duration.between(clock.instant(), at).toNanos());
    try {
      t.schedule(() -> onTimer(zone), delay, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      scheduled.remove(zone); // stopping: stop() writes the file
    }
  }

  private void onTimer(String zone) {
    scheduled.remove(zone);
    try {
      onTimerLocked(zone);
    } catch (RuntimeException e) {
      log.log(System.Logger.Level.WARNING, "rewriting the file of " + zone + " failed", e);
      schedule(zone, clock.instant().plus(RETRY));
    }
  }

  private void onTimerLocked(String zone) {
    locks.locked(
        zone,
        () -> {
          RewritePolicy p = policy(zone);
          if (!store.pending(zone)) {
            return null;
          }
          if (!failing.contains(zone) && !p.dueOnTimer(clock.instant())) {
            schedule(zone, p.dueAt());
            return null;
          }
          flushNow(zone);
          return null;
        });
  }

  /** Rewrites the file if it lags (caller holds the zone's lock). */
  private void flushNow(String zone) {
    if (!store.pending(zone)) {
      return;
    }
    try {
      now(zone, store.load(zone));
    } catch (ProviderException e) {
      failing.add(zone); // the file cannot be read (e.g. a broken hand edit): try again later
      health.unhealthy(e.getMessage());
      schedule(zone, clock.instant().plus(RETRY));
    }
  }

  private RewritePolicy policy(String zone) {
    return policies.computeIfAbsent(zone, z -> new RewritePolicy(sharePercent));
  }
}
