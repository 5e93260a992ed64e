package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.runtime.Assembly;
import io.gordon.core.runtime.PluginLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Runs a list of messages through the pipeline once, without sources: what {@code gordon apply}
 * does. Same router, phases, batching, retries and dead letters as the service.
 */
public final class Pipeline {
  private Pipeline() {}

  /**
   * Starts every non-source plugin of {@code assembly} (in start order), routes {@code messages}
   * (each should start in phase {@code consume}), waits up to {@code timeout} for all of them,
   * settles any unfinished one as {@link Outcome.Redeliver}, shuts the plugins down in reverse
   * order and calls the metric relay's cleanup. Returns one {@link Settled} per message, in input
   * order (a repeated id is settled as skipped). No max_msg_age check is applied.
   *
   * @throws io.gordon.api.PluginLoadException when a plugin fails to start
   */
  public static List<Settled> runOnce(
      Assembly assembly, List<EventMessage> messages, Duration timeout)
      throws InterruptedException {
    return runOnce(assembly, messages, timeout, Clock.systemUTC());
  }

  /** {@link #runOnce(Assembly, List, Duration)} with an injected clock. */
  public static List<Settled> runOnce(
      Assembly assembly, List<EventMessage> messages, Duration timeout, Clock clock)
      throws InterruptedException {
    PluginLifecycle plugins = new PluginLifecycle(assembly.health());
    plugins.start(assembly.startOrder(), p -> !(p.plugin() instanceof EventSource));
    try {
      return runOnce(RouterBuilder.from(assembly, clock).build(), messages, timeout);
    } finally {
      plugins.shutdown();
      assembly.metrics().cleanup();
    }
  }

  /** Routes {@code messages} through an existing router, then drains it (stops its intake). */
  public static List<Settled> runOnce(Router router, List<EventMessage> messages, Duration timeout)
      throws InterruptedException {
    List<ConcurrentMap<String, Settled>> slots = new ArrayList<>();
    for (EventMessage m : messages) {
      ConcurrentMap<String, Settled> slot = new ConcurrentHashMap<>(2);
      slots.add(slot);
      router.submit(
          m,
          (id, outcome, history) -> slot.put("s", new Settled(id, outcome, history)),
          Duration.ZERO);
    }
    router.drain(timeout);
    List<Settled> out = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      Settled s = slots.get(i).get("s");
      out.add(
          s != null
              ? s
              : new Settled(
                  messages.get(i).id(),
                  new Outcome.Redeliver("not settled"),
                  messages.get(i).history()));
    }
    return out;
  }
}
