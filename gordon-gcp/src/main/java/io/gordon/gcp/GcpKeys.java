package io.gordon.gcp;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.HostPort;
import io.gordon.api.config.Key;
import io.gordon.api.config.Rule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Configuration keys shared by the gcp plugins. Keys of the {@code [gcp]} table are inherited by
 * every {@code [gcp.<plugin>]} table, so each plugin declares the shared keys it reads (and the
 * consumer declares the ones the original documented for it but never read).
 */
public final class GcpKeys {
  /** Google's Cloud DNS root URL. */
  public static final String DNS_ROOT = "https://dns.googleapis.com/";

  /** Google's Compute Engine root URL. */
  public static final String COMPUTE_ROOT = "https://compute.googleapis.com/";

  /** Connect and read timeout of each API request. */
  public static final Key<Duration> REQUEST_TIMEOUT =
      Key.duration(
          "request_timeout",
          Duration.ofSeconds(30),
          Rule.durationAtLeast(1),
          "Connect and read timeout of each API request.");

  /** Service-account key file; absent: Application Default Credentials. */
  public static final Key<Optional<String>> KEYFILE =
      Key.string("keyfile")
          .rule(Rule.nonEmpty())
          .optional(
              "Service-account JSON key file (relative to the config "
                  + "directory). Absent: Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, "
                  + "gcloud, or the GCE metadata server).");

  /** OAuth scopes. */
  public static final Key<List<String>> SCOPES =
      Key.strings("scopes")
          .rule(Rule.nonEmpty())
          .defaultsTo(
              List.of("cloud-platform"),
              "OAuth scopes; short names are prefixed with https://www.googleapis.com/auth/.");

  /** Requests without credentials, for emulators and fakes. */
  public static final Key<Boolean> ANONYMOUS =
      Key.bool(
          "anonymous",
          false,
          "Send requests without credentials: for emulators and fakes only (logs a warning).");

  /** The Pub/Sub emulator the Pub/Sub plugins talk to instead of Google. */
  public static final Key<Optional<HostPort>> PUBSUB_EMULATOR =
      Key.hostPort("endpoint")
          .optional(
              "host:port of a Pub/Sub emulator (plaintext, no credentials); default: "
                  + "$PUBSUB_EMULATOR_HOST, else Google's endpoint.");

  private GcpKeys() {}

  /** The API root URL key of a REST plugin, defaulting to {@code defaultRoot}. */
  public static Key<String> endpoint(String defaultRoot) {
    return Key.string(
        "endpoint",
        defaultRoot,
        Rule.matching("https?://.+", "an http(s) URL"),
        "API root URL, for private endpoints and tests (default " + defaultRoot + ").");
  }

  /** A rule for absolute DNS names, as the original checked {@code dns_zone}. */
  public static Rule absoluteName() {
    return Rule.matching(
        "([a-zA-Z0-9_-]+\\.)+", "an absolute DNS name ending with '.', " + "e.g. \"example.com.\"");
  }

  /** Declares {@link #KEYFILE} and {@link #SCOPES}. */
  public static ConfigSpec.Builder credentials(ConfigSpec.Builder b) {
    return b.keys(KEYFILE, SCOPES);
  }

  /** Declares {@code endpoint} (with {@code defaultRoot}) and {@link #ANONYMOUS}. */
  public static ConfigSpec.Builder endpoint(ConfigSpec.Builder b, String defaultRoot) {
    return b.keys(endpoint(defaultRoot), ANONYMOUS);
  }

  /** The {@code default_zone_prefix} key, documented with {@code doc}. */
  public static Key<String> zonePrefix(String doc) {
    return Key.string("default_zone_prefix", "", Rule.any(), doc);
  }

  /** Declares {@link #zonePrefix(String) default_zone_prefix}. */
  public static ConfigSpec.Builder zonePrefix(ConfigSpec.Builder b, String doc) {
    return b.key(zonePrefix(doc));
  }

  /** The endpoint with a trailing slash, as the apiary clients expect. */
  public static String root(String endpoint) {
    return endpoint.endsWith("/") ? endpoint : endpoint + "/";
  }
}
