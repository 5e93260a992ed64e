package io.gordon.benchmarks.local;

import io.gordon.core.config.ConfigFiles;
import io.gordon.core.config.RawConfig;
import io.gordon.core.plugin.PluginCatalog;
import io.gordon.core.plugin.PluginLoader;
import io.gordon.core.runtime.GordonRuntime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Function;

/**
 * A gordon service in this process, started as {@code gordon run} starts it from a {@code
 * gordon.toml} written into a fresh temporary directory (its config root), which closing removes.
 * The benchmarks that drive a service in process build on it.
 */
public final class InProcessService implements AutoCloseable {
  private final Path root;
  private final GordonRuntime runtime;

  private InProcessService(Path root, GordonRuntime runtime) {
    this.root = root;
    this.runtime = runtime;
  }

  /**
   * Writes {@code toml} (given the directory) as the directory's {@code gordon.toml}, loads it as
   * {@code gordon run} does and starts the service.
   *
   * @param prefix the temporary directory's name prefix
   */
  public static InProcessService start(String prefix, Function<Path, String> toml)
      throws IOException {
    Path root = Files.createTempDirectory(prefix);
    Files.writeString(root.resolve("gordon.toml"), toml.apply(root));
    RawConfig raw = ConfigFiles.load(root);
    PluginLoader.Loaded loaded =
        new PluginLoader(PluginCatalog.discover(raw.root()), Clock.systemUTC(), System::getenv)
            .load(raw, PluginLoader.Mode.RUN);
    return new InProcessService(root, GordonRuntime.start(loaded.assembly(), Clock.systemUTC()));
  }

  /** A loopback port free at the moment, for a listener in the config. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The config root: the temporary directory. */
  public Path root() {
    return root;
  }

  /** Stops the service and removes its directory. */
  @Override
  public void close() throws IOException {
    runtime.close();
    delete(root);
  }

  /** Removes {@code dir} and everything below it. */
  public static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
