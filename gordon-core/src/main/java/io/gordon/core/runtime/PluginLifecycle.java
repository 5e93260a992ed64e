package io.gordon.core.runtime;

import io.gordon.api.PluginLoadException;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.core.delivery.Failure;
import io.gordon.core.runtime.Assembly.Named;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts plugins in order (marking each started in the health registry) and shuts them down in
 * reverse order. A plugin that fails to start stops the ones already started.
 */
public final class PluginLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger("gordon.runtime");
  private final HealthRegistry health;
  private final Deque<Named<GordonPlugin>> started = new ArrayDeque<>();

  /** Creates a lifecycle reporting to {@code health}. */
  public PluginLifecycle(HealthRegistry health) {
    this.health = health;
  }

  /** Starts each plugin of {@code order} accepted by {@code which}. */
  public void start(List<Named<GordonPlugin>> order, Predicate<Named<GordonPlugin>> which) {
    for (Named<GordonPlugin> p : order) {
      if (!which.test(p)) {
        continue;
      }
      health.ensure(p.name());
      try {
        p.plugin().start();
      } catch (RuntimeException e) {
        shutdown();
        throw new PluginLoadException(
            p.name(), "plugin " + p.name() + " failed to start: " + Failure.describe(e), e);
      }
      started.push(p);
      health.started(p.name());
      LOG.info("started plugin {}", p.name());
    }
  }

  /** Calls shutdown() on every started plugin, last started first; never throws. */
  public void shutdown() {
    while (!started.isEmpty()) {
      Named<GordonPlugin> p = started.pop();
      health.notReady(p.name(), "shut down");
      try {
        p.plugin().shutdown();
        LOG.info("shut down plugin {}", p.name());
      } catch (RuntimeException | Error e) {
        LOG.warn("plugin {} failed to shut down: {}", p.name(), Failure.describe(e), e);
      }
    }
  }
}
