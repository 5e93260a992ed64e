package io.gordon.local.http;

import io.gordon.api.config.HostPort;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The validated settings of {@code local.http}.
 *
 * @param host address to bind
 * @param port port to bind; 0 picks a free one
 * @param token the bearer token clients must send, when set
 * @param maxBodyBytes largest request body
 * @param directory the spool directory
 * @param segmentBytes spool segment size before a new file starts
 * @param retention how long a finished event's status stays queryable
 * @param maxStatuses most statuses kept
 * @param waitTimeout longest {@code ?wait=true} wait
 * @param retryDelay first delay before a handed-back event is submitted again
 * @param allowedOrigins Origin values allowed (none by default)
 * @param allowedHosts Host names allowed besides the listen address
 * @param limits timeouts, connection cap and body limit
 * @param doneRetention how long finished spool files are kept (zero: forever)
 */
record HttpSettings(
    String host,
    int port,
    Optional<Secret> token,
    int maxBodyBytes,
    Path directory,
    long segmentBytes,
    Duration retention,
    int maxStatuses,
    Duration waitTimeout,
    Duration retryDelay,
    List<String> allowedOrigins,
    List<String> allowedHosts,
    HttpLimits limits,
    Duration doneRetention) {
  HttpSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
    allowedHosts = List.copyOf(allowedHosts);
  }

  /** Reads a configuration validated against {@link HttpSourceFactory#SPEC}. */
  static HttpSettings from(PluginConfig c, Path root) {
    HostPort listen = c.get(HttpSourceFactory.LISTEN);
    int maxBody = c.get(HttpSourceFactory.MAX_BODY_BYTES);
    return new HttpSettings(
        listen.host(),
        listen.port(),
        c.get(HttpSourceFactory.TOKEN).filter(s -> !s.reveal().isEmpty()),
        maxBody,
        root.resolve(c.get(HttpSourceFactory.DIRECTORY)),
        c.get(HttpSourceFactory.SEGMENT_BYTES),
        c.get(HttpSourceFactory.STATUS_RETENTION),
        c.get(HttpSourceFactory.STATUS_MAX_ENTRIES),
        c.get(HttpSourceFactory.WAIT_TIMEOUT),
        c.get(HttpSourceFactory.RETRY_DELAY),
        c.get(HttpSourceFactory.ALLOWED_ORIGINS),
        c.get(HttpSourceFactory.ALLOWED_HOSTS),
        new HttpLimits(
            c.get(HttpSourceFactory.HEADER_TIMEOUT),
            c.get(HttpSourceFactory.IDLE_TIMEOUT),
            c.get(HttpSourceFactory.BODY_TIMEOUT),
            c.get(HttpSourceFactory.MAX_CONNECTIONS),
            maxBody),
        c.get(HttpSourceFactory.DONE_RETENTION));
  }
}
