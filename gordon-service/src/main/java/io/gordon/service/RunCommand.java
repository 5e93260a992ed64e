package io.gordon.service;

import io.gordon.core.config.ConfigFiles;
import io.gordon.core.config.RawConfig;
import io.gordon.core.janitor.JanitorConfig;
import io.gordon.core.janitor.JanitorSchedule;
import io.gordon.core.logging.GordonLogging;
import io.gordon.core.plugin.PluginCatalog;
import io.gordon.core.plugin.PluginLoader;
import io.gordon.core.runtime.GordonRuntime;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gordon run}: loads the configuration and plugins, then runs until signalled. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the service: validates the configuration, creates the plugins listed "
          + "in core.plugins, starts them and routes events until SIGTERM or SIGINT.",
      "Exit status: 0 after a clean shutdown, 2 when the configuration or a plugin is "
          + "invalid (every problem is printed), 1 on any other failure."
    })
final class RunCommand implements Callable<Integer> {
  @Mixin ConfigRootOption config;

  /**
   * Whether {@code args} is {@code run}, {@code run -c DIR} or {@code run --config-root DIR}: the
   * forms {@link Main} starts without picocli.
   */
  static boolean plain(String[] args) {
    return args.length > 0
        && args[0].equals("run")
        && (args.length == 1
            || args.length == 3
                && (args[1].equals("-c") || args[1].equals("--config-root"))
                && !args[2].startsWith("-"));
  }

  @Override
  public Integer call() throws Exception {
    Clock clock = Clock.systemUTC();
    RawConfig raw = ConfigFiles.load(config.root());
    PluginCatalog catalog = PluginCatalog.discover(raw.root());
    PluginLoader loader = new PluginLoader(catalog, clock, System::getenv);
    // Configure logging from core.logging first, so that plugin creation logs as configured.
    loader.validate(raw).settings().ifPresent(s -> GordonLogging.configure(s.logging()));
    PluginLoader.Loaded loaded = loader.load(raw, PluginLoader.Mode.RUN);
    var log = LoggerFactory.getLogger("gordon");
    loaded.warnings().forEach(log::warn);
    JanitorConfig.settings(raw, System::getenv); // [janitor] is checked before anything starts
    GordonRuntime runtime = GordonRuntime.start(loaded.assembly(), clock);
    runtime.installSignalHandlers();
    try (var janitor =
        JanitorSchedule.start(raw, catalog, clock, System::getenv, loaded.assembly())
            .orElse(null)) {
      return runtime.awaitTermination();
    }
  }
}
