package io.gordon.local.http;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.HostPort;
import io.gordon.api.config.Key;
import io.gordon.api.config.Rule;
import io.gordon.api.config.Secret;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Creates {@code local.http}: an event source taking events over HTTP into a durable spool. */
public final class HttpSourceFactory implements PluginFactory {
  static final Key<HostPort> LISTEN =
      Key.hostPort("listen")
          .defaultsTo(
              new HostPort("127.0.0.1", 8053),
              "Address to listen on (port 0 picks a free port, which is"
                  + " logged). A non-loopback address requires a token.");
  static final Key<Optional<Secret>> TOKEN =
      Key.secret("token")
          .optional(
              "Bearer token clients must send (Authorization: Bearer <token>); a string, or"
                  + " { env = \"NAME\" } or { file = \"path\" }.");
  static final Key<Integer> MAX_BODY_BYTES =
      Key.integer(
          "max_body_bytes",
          1_048_576,
          Rule.between(256, 1 << 30),
          "Largest request body; larger requests get 413.");
  static final Key<String> DIRECTORY =
      Key.string(
          "directory",
          "var/spool/http",
          Rule.nonEmpty(),
          "Spool directory (relative to the config directory) where accepted events are"
              + " written and fsynced before the 202 answer.");
  static final Key<Long> SEGMENT_BYTES =
      Key.longInteger("segment_bytes")
          .rule(Rule.atLeast(1024))
          .defaultsTo(16_777_216L, "Size after which the spool starts a new file.");
  static final Key<Duration> STATUS_RETENTION =
      Key.duration(
          "status_retention",
          Duration.ofHours(1),
          Rule.durationAtLeast(0),
          "How long GET /v1/events/{id} knows a finished event.");
  static final Key<Integer> STATUS_MAX_ENTRIES =
      Key.integer(
          "status_max_entries",
          100_000,
          Rule.between(1, 10_000_000),
          "Most event statuses kept; the oldest are forgotten first.");
  static final Key<Duration> WAIT_TIMEOUT =
      Key.duration(
          "wait_timeout",
          Duration.ofSeconds(30),
          Rule.durationAtLeast(0),
          "Longest time POST ?wait=true waits for the outcomes.");
  static final Key<Duration> RETRY_DELAY =
      Key.duration(
          "retry_delay",
          Duration.ofSeconds(10),
          Rule.durationAtLeast(0),
          "First delay before an event the core handed back (nack) is"
              + " submitted again; doubles each time, up to 1 minute (or this delay when"
              + " longer). After an outage the waiting events are submitted again as soon as"
              + " one event of the source is applied (at most once per that longest delay).");
  static final Key<List<String>> ALLOWED_ORIGINS =
      Key.strings("allowed_origins")
          .defaultsTo(
              List.of(),
              "Origin header values (e.g. \"https://admin.example.com\") allowed to post;"
                  + " requests with any other Origin get 403. Empty (the default): browsers' cross-site"
                  + " requests are all refused.");
  static final Key<List<String>> ALLOWED_HOSTS =
      Key.strings("allowed_hosts")
          .defaultsTo(
              List.of(),
              "Host names, besides the listen address (and localhost on loopback), that a"
                  + " request's Host header may name; any other Host gets 421 (defeats DNS rebinding).");
  static final Key<Duration> HEADER_TIMEOUT =
      Key.duration(
          "header_timeout",
          Duration.ofSeconds(10),
          Rule.durationAtLeast(0.001),
          "Longest time a client may take to"
              + " send a request's line and headers (from connecting, or from the request's first"
              + " byte); slower clients get 408 and are disconnected.");
  static final Key<Duration> IDLE_TIMEOUT =
      Key.duration(
          "idle_timeout",
          Duration.ofSeconds(60),
          Rule.durationAtLeast(0.001),
          "A kept-alive connection quiet this long is closed; also"
              + " the longest wait for each part of a request body.");
  static final Key<Duration> BODY_TIMEOUT =
      Key.duration(
          "body_timeout",
          Duration.ofSeconds(60),
          Rule.durationAtLeast(0.001),
          "Longest time a client may take to send a request's body, from the end of its"
              + " headers; slower clients get 408 and are disconnected (a body sent a byte at a"
              + " time would otherwise hold its connection). Raise it for large bodies over slow"
              + " links.");
  static final Key<Integer> MAX_CONNECTIONS =
      Key.integer(
          "max_connections",
          4096,
          Rule.between(1, 1_000_000),
          "Most open connections. At the limit the connection idle"
              + " longest is closed to admit a new one; with none idle the new one gets 503. Keep it"
              + " below the process's open file limit (ulimit -n).");
  static final Key<Duration> DONE_RETENTION =
      Key.duration(
          "done_retention",
          Duration.ofDays(7),
          Rule.durationAtLeast(0),
          "How long finished spool files stay in done/ before they are"
              + " deleted (checked every minute); 0 keeps them forever.");

  static final ConfigSpec SPEC =
      ConfigSpec.of(
          LISTEN,
          TOKEN,
          MAX_BODY_BYTES,
          DIRECTORY,
          SEGMENT_BYTES,
          STATUS_RETENTION,
          STATUS_MAX_ENTRIES,
          WAIT_TIMEOUT,
          RETRY_DELAY,
          ALLOWED_ORIGINS,
          ALLOWED_HOSTS,
          HEADER_TIMEOUT,
          IDLE_TIMEOUT,
          BODY_TIMEOUT,
          MAX_CONNECTIONS,
          DONE_RETENTION);

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
