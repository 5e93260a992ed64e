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
      .optional("allowed_origins", ConfigType.STRING_LIST, java.util.List.of(), Rule.any(),
          "Origin header values (e.g. \"https://admin.example.com\") allowed to post; requests"
              + " with any other Origin get 403. Empty (the default): browsers' cross-site"
              + " requests are all refused.")
      .optional("allowed_hosts", ConfigType.STRING_LIST, java.util.List.of(), Rule.any(),
          "Host names, besides the listen address (and localhost on loopback), that a request's"
              + " Host header may name; any other Host gets 421 (defeats DNS rebinding).")
      .optional("header_timeout", ConfigType.DURATION, Duration.ofSeconds(10),
          Rule.durationAtLeast(0.001), "Longest time a client may take to send a request's"
              + " line and headers (from connecting, or from the request's first byte); slower"
              + " clients get 408 and are disconnected.")
      .optional("idle_timeout", ConfigType.DURATION, Duration.ofSeconds(60),
          Rule.durationAtLeast(0.001), "A kept-alive connection quiet this long is closed; also"
              + " the longest wait for each part of a request body.")
      .optional("max_connections", ConfigType.INTEGER, 4096L, Rule.between(1, 1_000_000),
          "Most open connections. At the limit the connection idle longest is closed to admit a"
              + " new one; with none idle the new one gets 503. Keep it below the process's open"
              + " file limit (ulimit -n).")
      .optional("done_retention", ConfigType.DURATION, Duration.ofDays(7),
          Rule.durationAtLeast(0), "How long finished spool files stay in done/ before they are"
              + " deleted (checked every minute); 0 keeps them forever.")
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
