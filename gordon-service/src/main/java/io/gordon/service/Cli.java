package io.gordon.service;

import io.gordon.core.config.ConfigFiles;
import io.gordon.core.config.RawConfig;
import io.gordon.core.logging.GordonLogging;
import io.gordon.core.plugin.PluginCatalog;
import io.gordon.core.plugin.PluginLoader;
import io.gordon.core.runtime.Assembly;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

/** What the commands share: loading configuration and plugins, and printing warnings. */
public final class Cli {
  private Cli() {}

  /**
   * Reads the configuration of {@code root}, discovers the plugins (class path and {@code
   * root/plugins/}) and loads them, nothing started.
   *
   * @throws io.gordon.api.ConfigException with every problem (exit status 2)
   */
  public static PluginLoader.Loaded load(Path root, PluginLoader.Mode mode, Clock clock) {
    RawConfig raw = ConfigFiles.load(root);
    return new PluginLoader(PluginCatalog.discover(raw.root()), clock, System::getenv)
        .load(raw, mode);
  }

  /**
   * As {@link #load}, and first configures logging from core.logging for a command whose standard
   * output is its result (logs go to stderr), so plugin creation logs as configured.
   */
  public static PluginLoader.Loaded loadForCommand(Path root, PluginLoader.Mode mode, Clock clock) {
    RawConfig raw = ConfigFiles.load(root);
    PluginLoader loader =
        new PluginLoader(PluginCatalog.discover(raw.root()), clock, System::getenv);
    loader.validate(raw).settings().ifPresent(s -> GordonLogging.configureForCommand(s.logging()));
    return loader.load(raw, mode);
  }

  /** Prints each warning as {@code warning: ...}. */
  public static void warn(PrintWriter err, Iterable<String> warnings) {
    warnings.forEach(w -> err.println("warning: " + w));
  }

  /** Shuts down the plugins of an assembly that was never started, in reverse start order. */
  public static void discard(Assembly assembly) {
    for (int i = assembly.startOrder().size() - 1; i >= 0; i--) {
      try {
        assembly.startOrder().get(i).plugin().shutdown();
      } catch (RuntimeException ignored) {
        // best effort: nothing was started
      }
    }
  }
}
