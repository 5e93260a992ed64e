package io.gordon.core.janitor;

import io.gordon.api.janitor.JanitorLease;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.core.config.RawConfig;
import io.gordon.core.delivery.Failure;
import io.gordon.core.plugin.PluginCatalog;
import io.gordon.core.runtime.Assembly;
import io.gordon.core.runtime.HealthRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The janitor inside {@code gordon run}: every {@code [janitor] interval} one run (its own plugins
 * loaded afresh, the zones read and written through the running service's DNS providers), reported
 * on {@code /readyz} as component {@code janitor}: ready after a run that ended well, not ready
 * with the last run's result otherwise (a tripped guard needs {@code gordon janitor --force} by
 * hand).
 *
 * <p>When a service plugin offers a {@link JanitorLease} (several instances share one janitor), a
 * run starts only while this instance holds it and writes each zone only while it still does; an
 * instance without the lease is a standby, ready on {@code /readyz}.
 */
public final class JanitorSchedule implements AutoCloseable {
  /** The health component name. */
  public static final String COMPONENT = "janitor";

  private static final Logger LOG = LoggerFactory.getLogger("gordon.janitor");

  private final Janitor janitor;
  private final HealthReporter health;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final Optional<JanitorLease> lease;
  private boolean standby;

  private JanitorSchedule(
      Janitor janitor,
      HealthReporter health,
      Clock clock,
      Duration interval,
      Optional<JanitorLease> lease) {
    this.janitor = janitor;
    this.lease = lease;
    this.health = health;
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gordon-janitor");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Starts the schedule when gordon.toml sets {@code [janitor] interval} and lists janitor plugins;
   * empty otherwise. The runs send through {@code service}'s DNS providers (see {@link
   * Janitor#inService}).
   *
   * @throws io.gordon.api.ConfigException when [janitor] or the janitor's plugins are invalid
   */
  public static Optional<JanitorSchedule> start(
      RawConfig raw,
      PluginCatalog catalog,
      Clock clock,
      Function<String, String> env,
      Assembly service) {
    JanitorConfig.Settings s = JanitorConfig.settings(raw, env);
    if (s.interval().isZero() || s.plugins().isEmpty()) {
      return Optional.empty();
    }
    Janitor janitor = Janitor.inService(raw, catalog, clock, env, service);
    HealthRegistry registry = service.health();
    HealthReporter health = registry.register(COMPONENT);
    registry.started(COMPONENT);
    Optional<JanitorLease> lease = lease(service);
    LOG.info(
        "janitor runs every {} ({}){}",
        s.interval(),
        String.join(", ", s.plugins()),
        lease
            .map(l -> "; one instance at a time: the holder of the janitor lease, " + l.describe())
            .orElse(""));
    return Optional.of(new JanitorSchedule(janitor, health, clock, s.interval(), lease));
  }

  /** The first service plugin that offers a janitor lease. */
  private static Optional<JanitorLease> lease(Assembly service) {
    return service.startOrder().stream()
        .map(Assembly.Named::plugin)
        .filter(p -> p instanceof JanitorLease)
        .map(p -> (JanitorLease) p)
        .findFirst();
  }

  private void runOnce() {
    if (lease.isPresent() && !lease.get().held()) {
      if (!standby) {
        LOG.info(
            "janitor: standby, this instance does not hold the janitor lease ({})",
            lease.get().describe());
        standby = true;
      }
      health.healthy();
      return;
    }
    if (standby) {
      LOG.info(
          "janitor: this instance holds the janitor lease ({}), running", lease.get().describe());
      standby = false;
    }
    try {
      JanitorReport r =
          janitor.runOnce(
              new JanitorRun.Options(false, false, false),
              () -> lease.map(JanitorLease::held).orElse(true));
      if (r.exitStatus() == JanitorReport.OK) {
        health.healthy();
        LOG.info("janitor run ended: {}", r.status());
      } else {
        String why =
            "last janitor run at "
                + clock.instant()
                + ": "
                + r.status()
                + ": "
                + String.join("; ", reasons(r));
        health.unhealthy(why);
        LOG.warn(why);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      health.unhealthy(
          "last janitor run at " + clock.instant() + " failed: " + Failure.describe(e));
      LOG.warn("janitor run failed: {}", Failure.describe(e), e);
    }
  }

  private static List<String> reasons(JanitorReport r) {
    List<String> out = new ArrayList<>(r.plan().errors());
    out.addAll(r.errors());
    r.plan().zones().forEach(z -> z.guard().ifPresent(out::add));
    r.sent().stream()
        .filter(s -> !s.ok())
        .limit(3)
        .forEach(s -> out.add(s.change().desired().key() + " " + s.state() + ": " + s.reason()));
    return out;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
