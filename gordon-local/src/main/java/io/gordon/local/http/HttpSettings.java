package io.gordon.local.http;

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
record HttpSettings(String host, int port, Optional<Secret> token, int maxBodyBytes,
    Path directory, long segmentBytes, Duration retention, int maxStatuses, Duration waitTimeout,
    Duration retryDelay, List<String> allowedOrigins, List<String> allowedHosts,
    HttpLimits limits, Duration doneRetention) {
  HttpSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
    allowedHosts = List.copyOf(allowedHosts);
  }

  static HttpSettings from(PluginConfig c, Path root) {
    String listen = c.string("listen");
    int colon = listen.lastIndexOf(':');
    String host = listen.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new HttpSettings(host, Integer.parseInt(listen.substring(colon + 1)),
        c.optSecret("token").filter(s -> !s.reveal().isEmpty()), c.intValue("max_body_bytes"),
        root.resolve(c.string("directory")), c.longValue("segment_bytes"),
        c.duration("status_retention"), c.intValue("status_max_entries"),
        c.duration("wait_timeout"), c.duration("retry_delay"), c.strings("allowed_origins"),
        c.strings("allowed_hosts"), new HttpLimits(c.duration("header_timeout"),
            c.duration("idle_timeout"), c.intValue("max_connections"),
            c.intValue("max_body_bytes")), c.duration("done_retention"));
  }
}
