package io.gordon.local.file;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
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
  static final ConfigSpec SPEC = ConfigSpec.builder()
      .optional("directory", ConfigType.STRING, "var/spool/incoming", Rule.nonEmpty(),
          "Spool directory to read (relative to the config directory). Finished files move to"
              + " its done/ subdirectory; progress is kept in .progress/.")
      .optional("pattern", ConfigType.STRING, "*.jsonl", Rule.nonEmpty(),
          "Glob of the file names to read, e.g. \"*.jsonl\" or \"*.json\".")
      .optional("poll_interval", ConfigType.DURATION, Duration.ofSeconds(1),
          Rule.durationAtLeast(0.01), "How often to look for new files and lines.")
      .optional("quiet_period", ConfigType.DURATION, Duration.ofSeconds(2),
          Rule.durationAtLeast(0), "A file unchanged this long counts as complete: its last line"
              + " is read even without a line break, and once settled it moves to done/.")
      .optional("max_line_bytes", ConfigType.INTEGER, 1_048_576L, Rule.between(64, 1 << 30),
          "Longest line; longer lines are dead-lettered.")
      .optional("retry_delay", ConfigType.DURATION, Duration.ofSeconds(10),
          Rule.durationAtLeast(0), "First delay before an event the core handed back (nack) is"
              + " submitted again; doubles each time, up to 5 minutes.")
      .optional("done_retention", ConfigType.DURATION, Duration.ofDays(7),
          Rule.durationAtLeast(0), "How long finished files stay in done/ before they are"
              + " deleted (checked every minute); 0 keeps them forever.")
      .optional("max_msg_age", ConfigType.DURATION, null, Rule.durationAtLeast(0),
          "Overrides core.max_msg_age for this source (0 disables). Age counts from the event's"
              + " timestamp, else the file's modification time.")
      .build();

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
    SpoolOptions options = new SpoolOptions(context.configRoot().resolve(c.string("directory")),
        c.string("pattern"), c.duration("poll_interval"), c.duration("quiet_period"),
        c.intValue("max_line_bytes"), c.duration("retry_delay"), p -> false, true);
    return new FileSource(options, c.duration("done_retention"), context);
  }
}
