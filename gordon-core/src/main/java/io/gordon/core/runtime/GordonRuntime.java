package io.gordon.core.runtime;

import io.gordon.api.config.SourceKeys;
import io.gordon.api.io.DirectoryLock;
import io.gordon.api.plugin.EventSource;
import io.gordon.core.admin.AdminServer;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.logging.GordonLogging;
import io.gordon.core.router.Router;
import io.gordon.core.router.RouterBuilder;
import io.gordon.core.runtime.Assembly.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: starts the plugins (in {@link Assembly#startOrder()}), the admin server, the
 * router and one supervised thread per source; {@link #close()} stops intake, drains in-flight
 * messages up to core.shutdown_timeout, redelivers the rest, shuts every plugin down in reverse
 * order and calls the metric relay's cleanup.
 */
public final class GordonRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("gordon.runtime");
  private final Assembly assembly;
  private final PluginLifecycle plugins;
  private final List<SourceSupervisor> sources = new ArrayList<>();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicInteger signals = new AtomicInteger();
  private Router router;
  private AdminServer admin;

  /** Held while the default dead-letter file is ours to append to. */
  private DirectoryLock deadLetterLock;

  private GordonRuntime(Assembly assembly) {
    this.assembly = assembly;
    this.plugins = new PluginLifecycle(assembly.health());
  }

  /** Configures logging from core.logging, then starts everything in {@code assembly}. */
  public static GordonRuntime start(Assembly assembly, Clock clock) {
    GordonLogging.configure(assembly.settings().logging());
    return start(assembly, clock, Duration.ofSeconds(1));
  }

  /** Starts without touching logging; {@code sourceBackoff} is the first restart delay. */
  static GordonRuntime start(Assembly assembly, Clock clock, Duration sourceBackoff) {
    GordonRuntime rt = new GordonRuntime(assembly);
    try {
      rt.startAll(clock, sourceBackoff);
    } catch (RuntimeException e) {
      rt.close();
      throw e;
    }
    return rt;
  }

  private void startAll(Clock clock, Duration sourceBackoff) {
    CoreSettings s = assembly.settings();
    HealthRegistry health = assembly.health();
    health.register("router");
    if (assembly.deadLetterSink().isEmpty()) {
      deadLetterLock = DirectoryLock.acquireFile(s.deadLetterPath(), "dead-letter file");
    }
    plugins.start(assembly.startOrder(), p -> true);
    router = RouterBuilder.from(assembly, clock).build();
    if (s.admin().enabled()) {
      try {
        admin = AdminServer.start(s.admin().listen(), health, assembly.metrics(), router::stats);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot start the admin server on " + s.admin().listen() + ": " + e.getMessage(), e);
      }
    }
    health.started("router");
    for (Named<EventSource> src : assembly.sources()) {
      Duration maxAge = maxMsgAge(src, s.maxMsgAge());
      health.ensure(src.name());
      SourceSupervisor sup =
          new SourceSupervisor(
              src.name(),
              src.plugin(),
              router.contextFor(src.plugin().metricsPluginName().orElse(src.name()), maxAge),
              health.reporter(src.name()),
              sourceBackoff);
      sources.add(sup);
      sup.start();
    }
    LOG.info(
        "gordon started: {} source(s), {} handler(s), {} provider(s)",
        assembly.sources().size(),
        assembly.handlers().size(),
        assembly.providers().size());
  }

  /** The source's own max_msg_age, else the core's. */
  static Duration maxMsgAge(Named<EventSource> src, Duration core) {
    return src.config().get(SourceKeys.MAX_MSG_AGE).orElse(core);
  }

  /** The admin server's bound port, or -1 when it is disabled. */
  public int adminPort() {
    return admin == null ? -1 : admin.port();
  }

  /** The router (for diagnostics and tests). */
  public Router router() {
    return router;
  }

  /**
   * Installs SIGTERM/SIGINT/SIGHUP handlers: first signal drains and stops, second exits at once.
   * SIGHUP stops cleanly as in the original (which does not reload on it).
   */
  public void installSignalHandlers() {
    for (String name : List.of("TERM", "INT", "HUP")) {
      Signals.handle(name, sig -> onSignal("SIG" + sig));
    }
  }

  private void onSignal(String name) {
    if (signals.incrementAndGet() > 1) {
      System.err.println("gordon: second " + name + ", exiting at once");
      Runtime.getRuntime().halt(130);
    }
    LOG.info("Received exit signal {}...", name);
    Thread.ofPlatform()
        .name("gordon-shutdown")
        .start(
            () -> {
              try {
                shutdownOnce();
                LOG.info("Shutdown complete.");
                GordonLogging.stop();
              } finally {
                // Only now may awaitTermination return and the process exit: the logs are flushed.
                terminated.countDown();
              }
            });
  }

  /** Blocks until the runtime has stopped; returns the process exit status. */
  public int awaitTermination() throws InterruptedException {
    terminated.await();
    return 0;
  }

  /** Graceful stop: no new intake, drain up to shutdown_timeout, nack the rest, shut down. */
  @Override
  public void close() {
    shutdownOnce();
    terminated.countDown();
  }

  /** Shuts down on the first call; later calls wait until that shutdown is done. */
  private void shutdownOnce() {
    if (!closing.compareAndSet(false, true)) {
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    try {
      shutdown();
    } finally {
      closed.countDown();
    }
  }

  private void shutdown() {
    assembly.health().notReady("router", "shutting down");
    try {
      if (router != null) {
        router.stopIntake();
      }
      sources.forEach(SourceSupervisor::stop);
      if (router != null) {
        int n = router.drain(assembly.settings().shutdownTimeout());
        if (n > 0) {
          LOG.warn(
              "{} message(s) not finished within shutdown_timeout; they will be " + "redelivered",
              n);
        }
      }
      for (SourceSupervisor s : sources) {
        s.join(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    plugins.shutdown();
    try {
      assembly.metrics().cleanup();
    } catch (RuntimeException e) {
      LOG.warn("metric relay cleanup failed", e);
    }
    if (admin != null) {
      admin.close();
    }
    if (deadLetterLock != null) {
      deadLetterLock.close();
    }
  }
}
