package io.gordon.local.http;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.time.Duration;

/** Creates {@code local.http}: an event source taking events over HTTP into a durable spool. */
public final class HttpSourceFactory implements PluginFactory {
  static final ConfigSpec SPEC = ConfigSpec.builder()
      .optional("listen", ConfigType.STRING, "127.0.0.1:8053", Rule.hostPort(),
          "Address to listen on (port 0 picks a free port, which is logged). A non-loopback"
              + " address requires a token.")
      .optional("token", ConfigType.SECRET, null, Rule.any(),
          "Bearer token clients must send (Authorization: Bearer <token>); a string, or"
              + " { env = \"NAME\" } or { file = \"path\" }.")
      .optional("max_body_bytes", ConfigType.INTEGER, 1_048_576L, Rule.between(256, 1 << 30),
          "Largest request body; larger requests get 413.")
      .optional("directory", ConfigType.STRING, "var/spool/http", Rule.nonEmpty(),
          "Spool directory (relative to the config directory) where accepted events are"
              + " written and fsynced before the 202 answer.")
      .optional("segment_bytes", ConfigType.INTEGER, 16_777_216L, Rule.atLeast(1024),
          "Size after which the spool starts a new file.")
      .optional("status_retention", ConfigType.DURATION, Duration.ofHours(1),
          Rule.durationAtLeast(0), "How long GET /v1/events/{id} knows a finished event.")
      .optional("status_max_entries", ConfigType.INTEGER, 100_000L, Rule.between(1, 10_000_000),
          "Most event statuses kept; the oldest are forgotten first.")
      .optional("wait_timeout", ConfigType.DURATION, Duration.ofSeconds(30),
          Rule.durationAtLeast(0), "Longest time POST ?wait=true waits for the outcomes.")
      .optional("retry_delay", ConfigType.DURATION, Duration.ofSeconds(10),
          Rule.durationAtLeast(0), "First delay before an event the core handed back (nack) is"
              + " submitted again; doubles each time, up to 5 minutes.")
      .optional("max_msg_age", ConfigType.DURATION, null, Rule.durationAtLeast(0),
          "Overrides core.max_msg_age for this source (0 disables). Age counts from when the HTTP"
              + " request was accepted (recorded with each spooled event), so events spooled"
              + " before an outage are judged by their own receipt time after a restart.")
      .build();

  @Override
  public String name() {
    return "local.http";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.SOURCE;
  }

  @Override
  public String description() {
    return "Takes events over HTTP (POST /v1/events), spools them durably before answering 202,"
        + " and reports their status (GET /v1/events/{id}).";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    return new HttpSource(HttpSettings.from(context.config(), context.configRoot()), context);
  }
}
