package io.gordon.core.runtime;

import java.time.Clock;

/**
 * The running service: starts the plugins, the admin server, the router and the sources of an
 * {@link Assembly}, and shuts them down in order.
 * PLACEHOLDER: the implementation is issue #3's; only this API is fixed here.
 */
public final class GordonRuntime implements AutoCloseable {
  private final Assembly assembly;

  private GordonRuntime(Assembly assembly) {
    this.assembly = assembly;
  }

  /** Starts everything in {@code assembly}; throws if a plugin fails to start. */
  public static GordonRuntime start(Assembly assembly, Clock clock) {
    throw new UnsupportedOperationException("not implemented yet " + clock);
  }

  /** Installs SIGTERM/SIGINT handlers: first signal drains and stops, second exits at once. */
  public void installSignalHandlers() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Blocks until the runtime has stopped; returns the process exit status. */
  public int awaitTermination() throws InterruptedException {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Graceful stop: no new intake, drain up to shutdown_timeout, nack the rest, shut down. */
  @Override
  public void close() {
    throw new UnsupportedOperationException("not implemented yet " + assembly);
  }
}
