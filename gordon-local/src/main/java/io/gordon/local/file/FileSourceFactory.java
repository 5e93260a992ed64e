package io.gordon.local.file;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.Key;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import io.gordon.local.spool.SpoolOptions;
import java.time.Duration;

/** Creates {@code local.file}: an event source reading JSON-lines files from a directory. */
public final class FileSourceFactory implements PluginFactory {
  static final Key<String> DIRECTORY =
      Key.string(
          "directory",
          "var/spool/incoming",
          Rule.nonEmpty(),
          "Spool directory to read (relative to the config directory). Finished"
              + " files move to its done/ subdirectory; progress is kept in .progress/.");
  static final Key<String> PATTERN =
      Key.string(
          "pattern",
          "*.jsonl",
          Rule.nonEmpty(),
          "Glob of the file names to read, e.g. \"*.jsonl\" or \"*.json\".");
  static final Key<Duration> POLL_INTERVAL =
      Key.duration(
          "poll_interval",
          Duration.ofSeconds(1),
          Rule.durationAtLeast(0.01),
          "How often to look for new files and lines.");
  static final Key<Duration> QUIET_PERIOD =
      Key.duration(
          "quiet_period",
          Duration.ofSeconds(2),
          Rule.durationAtLeast(0),
          "A file unchanged this long counts as complete: its last line"
              + " is read even without a line break, and once settled it moves to done/.");
  static final Key<Integer> MAX_LINE_BYTES =
      Key.integer(
          "max_line_bytes",
          1_048_576,
          Rule.between(64, 1 << 30),
          "Longest line; longer lines are dead-lettered.");
  static final Key<Duration> RETRY_DELAY =
      Key.duration(
          "retry_delay",
          Duration.ofSeconds(10),
          Rule.durationAtLeast(0),
          "First delay before an event the core handed back (nack) is"
              + " submitted again; doubles each time, up to 1 minute (or this delay when"
              + " longer). After an outage the waiting events are submitted again as soon as"
              + " one event of the source is applied (at most once per that longest delay).");
  static final Key<Duration> DONE_RETENTION =
      Key.duration(
          "done_retention",
          Duration.ofDays(7),
          Rule.durationAtLeast(0),
          "How long finished files stay in done/ before they are"
              + " deleted (checked every minute); 0 keeps them forever.");

  static final ConfigSpec SPEC =
      ConfigSpec.of(
          DIRECTORY,
          PATTERN,
          POLL_INTERVAL,
          QUIET_PERIOD,
          MAX_LINE_BYTES,
          RETRY_DELAY,
          DONE_RETENTION);

  @Override
  public String name() {
    return "local.file";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.SOURCE;
  }

  @Override
  public String description() {
    return "Reads events, one JSON document per line, from files dropped in a spool directory;"
        + " progress survives restarts.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    PluginConfig c = context.config();
    SpoolOptions options =
        new SpoolOptions(
            context.configRoot().resolve(c.get(DIRECTORY)),
            c.get(PATTERN),
            c.get(POLL_INTERVAL),
            c.get(QUIET_PERIOD),
            c.get(MAX_LINE_BYTES),
            c.get(RETRY_DELAY),
            p -> false,
            true);
    return new FileSource(options, c.get(DONE_RETENTION), context);
  }
}
