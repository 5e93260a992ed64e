package io.gordon.core.runtime;

import io.gordon.api.plugin.HealthReporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tracks the health of every component (plugins, the router, each provider zone's writes, the
 * dead-letter sink) for {@code /readyz}: a component is "not ready" before it has started, once it
 * has been unhealthy longer than the threshold, and at once when it is {@link #down}. Liveness
 * ({@code /healthz}) does not read it. Thread-safe.
 */
public final class HealthRegistry {
  private final Clock clock;
  private final Duration threshold;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  /** Creates a registry that fails readiness after {@code threshold} of continuous failure. */
  public HealthRegistry(Clock clock, Duration threshold) {
    this.clock = clock;
    this.threshold = threshold;
  }

  /** Registers {@code component} as not yet started and returns its reporter. */
  public HealthReporter register(String component) {
    states.put(component, new State(false, null, null, false));
    return reporter(component);
  }

  /** The reporter of {@code component}, without changing its state. */
  public HealthReporter reporter(String component) {
    return new HealthReporter() {
      @Override
      public void healthy() {
        states.put(component, new State(true, null, null, false));
      }

      @Override
      public void unhealthy(String reason) {
        states.compute(
            component,
            (k, old) ->
                new State(
                    true,
                    reason,
                    old != null && old.failingSince != null ? old.failingSince : clock.instant(),
                    false));
      }

      @Override
      public void down(String reason) {
        HealthRegistry.this.down(component, reason);
      }
    };
  }

  /** Registers {@code component} as not started unless it is already known. */
  public void ensure(String component) {
    states.putIfAbsent(component, new State(false, null, null, false));
  }

  /** Marks {@code component} started (and healthy unless it reports otherwise). */
  public void started(String component) {
    states.computeIfPresent(
        component, (k, s) -> new State(true, s.reason, s.failingSince, s.immediate));
  }

  /**
   * Marks {@code component} as failing with {@code reason} and not ready at once, without the
   * threshold that {@link HealthReporter#unhealthy} waits for: for failures that will not heal by
   * themselves (a refused key, a full disk). Its next {@code healthy()} clears it.
   */
  public void down(String component, String reason) {
    states.compute(
        component,
        (k, old) ->
            new State(
                true,
                reason,
                old != null && old.failingSince != null ? old.failingSince : clock.instant(),
                true));
  }

  /** Marks {@code component} as not ready (e.g. shutting down) with {@code reason}. */
  public void notReady(String component, String reason) {
    states.put(component, new State(false, reason, null, false));
  }

  /** Why the service is not ready, one line per component; empty when ready. */
  public List<String> problems() {
    return lines(false);
  }

  /**
   * {@link #problems}, each line followed by the operator's next step ({@code ; next: ...}), for
   * the {@code /readyz} body.
   */
  public List<String> problemsWithNextSteps() {
    return lines(true);
  }

  private List<String> lines(boolean withNextStep) {
    Instant now = clock.instant();
    List<String> out = new ArrayList<>();
    states.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              State s = e.getValue();
              String line;
              if (!s.started) {
                line = e.getKey() + ": " + (s.reason != null ? s.reason : "not started");
              } else if (s.failingSince != null
                  && (s.immediate
                      || Duration.between(s.failingSince, now).compareTo(threshold) >= 0)) {
                line = e.getKey() + ": failing since " + s.failingSince + ": " + s.reason;
              } else {
                return;
              }
              out.add(
                  withNextStep
                      ? line + "; next: " + NextSteps.of(e.getKey(), s.started, s.reason)
                      : line);
            });
    return out;
  }

  /** Every component's current state, for the readiness body. */
  public Map<String, String> summary() {
    Map<String, String> out = new java.util.TreeMap<>();
    states.forEach(
        (k, s) ->
            out.put(
                k,
                !s.started
                    ? "not started"
                    : s.failingSince == null
                        ? "ok"
                        : "failing since " + s.failingSince + ": " + s.reason));
    return out;
  }

  /**
   * One component's state.
   *
   * @param immediate whether the failure turns readiness off at once (see {@link #down})
   */
  private record State(boolean started, String reason, Instant failingSince, boolean immediate) {}
}
