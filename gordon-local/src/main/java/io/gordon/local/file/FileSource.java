package io.gordon.local.file;

import io.gordon.api.GordonException;
import io.gordon.api.io.DirectoryLock;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.SourceContext;
import io.gordon.local.spool.SpoolFeed;
import io.gordon.local.spool.SpoolListener;
import io.gordon.local.spool.SpoolOptions;
import io.gordon.local.spool.SpoolReader;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code local.file}: submits every line of the JSON-lines files in a spool directory, in file name
 * and line order, and moves each file to {@code done/} once all its events are applied or
 * dead-lettered. See {@link SpoolReader}.
 */
final class FileSource implements EventSource {
  private final SpoolOptions options;
  private final SpoolReader reader;

  /** Held from start to shutdown: only this process moves and records progress here. */
  private DirectoryLock lock;

  FileSource(SpoolOptions options, Duration doneRetention, PluginContext context) {
    this.options = options;
    this.reader =
        new SpoolReader(
            options,
            SpoolFeed.NONE,
            doneRetention,
            context.events(),
            context.clock(),
            context.logger(),
            context.metrics(),
            context.pluginName(),
            SpoolListener.NONE);
  }

  @Override
  public void start() {
    lock = DirectoryLock.acquire(options.directory(), "local.file spool");
    try {
      reader.prepare();
    } catch (IOException e) {
      lock.close();
      throw new GordonException(
          "local.file: cannot use spool directory " + options.directory() + ": " + e, e);
    }
  }

  @Override
  public void run(SourceContext context) throws Exception {
    reader.run(context);
  }

  @Override
  public void stop() {
    reader.stop();
  }

  @Override
  public void shutdown() {
    stop();
    if (lock != null) {
      lock.close();
    }
  }
}
