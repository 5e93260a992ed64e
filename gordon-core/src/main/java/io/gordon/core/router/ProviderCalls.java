package io.gordon.core.router;

import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.core.delivery.Failure;
import io.gordon.core.runtime.HealthRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls one provider for one zone and tells the operator how it went: calls, errors by kind, batch
 * size and call latency as metrics, and provider-level failures through readiness.
 *
 * <p>A failure concerns the provider rather than one record when the call itself threw, or when a
 * result's {@link ProviderException} names no record (its {@code name()} is empty: the provider's
 * documented way to say "the server, the credentials or the disk"). A permanent one
 * (authentication, REFUSED, NOTAUTH, a read-only disk) makes the component {@code <provider> zone
 * <zone>} not ready at once, with its message; a retriable one makes it unhealthy, which turns
 * readiness off after {@code core.health_threshold}. Three calls in a row in which every change
 * failed permanently count as a permanent provider failure too (a refused key that the provider
 * reports per record). The next call in which a change is applied (or found unchanged) makes it
 * ready again.
 */
final class ProviderCalls {
  /**
   * The outcome of one call: one result per change, or the error the call threw.
   *
   * @param results the provider's results, null when the call threw
   * @param error what the call threw, or null
   */
  record Result(List<ChangeResult> results, Throwable error) {}

  private final String provider;
  private final String zone;
  private final MetricRelay metrics;
  private final HealthRegistry health;
  private final String component;
  private final Map<String, String> attrs;
  private final Map<String, String> timingAttrs;
  private final Map<String, Map<String, String>> errorAttrs = new ConcurrentHashMap<>();
  private volatile boolean failing;

  /** Calls in a row in which every change failed permanently; guarded by this. */
  private int failedCalls;

  /** How many such calls mean the provider itself refuses. */
  static final int FAILED_CALLS = 3;

  ProviderCalls(String provider, String zone, MetricRelay metrics, HealthRegistry health) {
    this.provider = provider;
    this.zone = zone;
    this.metrics = metrics;
    this.health = health;
    this.component = provider + " zone " + zone;
    this.attrs = Map.of("provider", provider, "zone", zone);
    this.timingAttrs = Map.of("provider", provider, "zone", zone, "unit", "seconds");
  }

  String provider() {
    return provider;
  }

  String zone() {
    return zone;
  }

  /** Calls {@code dns.apply(changes)}; never throws. */
  Result apply(DnsProvider dns, List<Change> changes) {
    metrics.set(RouterMetrics.BATCH_SIZE, changes.size(), attrs);
    metrics.incr(RouterMetrics.PROVIDER_CALLS, attrs);
    long t0 = System.nanoTime();
    Result r;
    try {
      List<ChangeResult> results = dns.apply(changes);
      if (results == null || results.size() != changes.size()) {
        throw new IllegalStateException(
            "provider "
                + provider
                + " returned "
                + (results == null ? "null" : results.size() + " results")
                + " for "
                + changes.size()
                + " changes");
      }
      r = new Result(results, null);
    } catch (RuntimeException | Error e) {
      r = new Result(null, e);
    }
    metrics.timing(
        RouterMetrics.PROVIDER_DURATION, Duration.ofNanos(System.nanoTime() - t0), timingAttrs);
    observe(r);
    return r;
  }

  /** Synchronized: a provider may allow several calls per zone at once. */
  private synchronized void observe(Result r) {
    if (r.error() != null) {
      error(r.error());
      providerFailure(r.error());
      return;
    }
    boolean anyOk = false;
    boolean allPermanent = true;
    Throwable providerLevel = null;
    Throwable last = null;
    for (ChangeResult c : r.results()) {
      if (c instanceof ChangeResult.Failed f) {
        error(f.error());
        last = f.error();
        allPermanent &= Failure.of(f.error()) == Failure.PERMANENT;
        if (f.error() instanceof ProviderException p && p.name().isEmpty()) {
          providerLevel = p;
        }
      } else {
        anyOk = true;
      }
    }
    if (anyOk) {
      failedCalls = 0;
      recovered();
    } else if (providerLevel != null) {
      providerFailure(providerLevel);
    } else if (allPermanent && ++failedCalls >= FAILED_CALLS) {
      // Every change of several calls in a row refused: the provider, not the data (a
      // refused key reported per record, e.g. a one-change UPDATE answered BADKEY).
      providerFailure(last);
    }
  }

  private void error(Throwable e) {
    String kind = Failure.of(e).name().toLowerCase(java.util.Locale.ROOT);
    String cls = e.getClass().getSimpleName();
    metrics.incr(
        RouterMetrics.PROVIDER_ERRORS,
        errorAttrs.computeIfAbsent(
            kind + "/" + cls,
            k -> Map.of("provider", provider, "zone", zone, "kind", kind, "error", cls)));
  }

  private void providerFailure(Throwable e) {
    if (health == null) {
      return;
    }
    failing = true;
    String reason = "last write failed: " + Failure.describe(e);
    if (Failure.of(e) == Failure.RETRIABLE) {
      health.reporter(component).unhealthy(reason);
    } else {
      health.down(component, reason);
    }
  }

  private void recovered() {
    if (failing && health != null) {
      failing = false;
      health.reporter(component).healthy();
    }
  }
}
