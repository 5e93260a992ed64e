package io.gordon.api.config;

import io.gordon.api.plugin.PluginKind;
import java.time.Duration;
import java.util.Optional;

/**
 * The keys every event source accepts in its table, declared and documented once. The core owns
 * them: it adds them to the spec of every plugin of kind {@link PluginKind#SOURCE} (see {@link
 * #forPlugin}) and applies them at intake, so a source neither declares nor reads them. A source
 * that declares one of these names itself is given this declaration instead.
 */
public final class SourceKeys {
  /**
   * The source's own age limit, applied by the core when the source submits an event; without it,
   * {@code core.max_msg_age} applies. As in the original gordon, {@code gcp.event_consumer}
   * therefore defaults to 300 seconds.
   */
  public static final Key<Optional<Duration>> MAX_MSG_AGE =
      Key.duration("max_msg_age")
          .rule(Rule.durationAtLeast(0))
          .optional(
              "Events older than this when the source receives "
                  + "them are dead-lettered; 0 disables. Default: core.max_msg_age (300 s). The age "
                  + "counts from when the event entered the system: Pub/Sub publish time, Kafka record "
                  + "timestamp, HTTP receipt (recorded with each spooled event), or a file line's "
                  + "timestamp, else the file's modification time.");

  /** Every common source key, in the order the reference lists them. */
  public static final ConfigSpec SPEC = ConfigSpec.of(MAX_MSG_AGE);

  private SourceKeys() {}

  /**
   * The spec a plugin of {@code kind} is validated against: for a source, its own keys followed by
   * the common source keys; otherwise its spec unchanged.
   */
  public static ConfigSpec forPlugin(PluginKind kind, ConfigSpec own) {
    if (kind != PluginKind.SOURCE) {
      return own;
    }
    ConfigSpec.Builder b = ConfigSpec.builder();
    own.keys().stream().filter(k -> !common(k)).forEach(b::add);
    own.checks().forEach(b::check);
    SPEC.keys().forEach(b::add);
    return b.build();
  }

  /** Whether {@code key} (or one of its aliases) is a common source key. */
  public static boolean common(ConfigKey key) {
    return SPEC.keys().stream()
        .anyMatch(c -> key.answersTo(c.name()) || key.aliases().stream().anyMatch(c::answersTo));
  }
}
