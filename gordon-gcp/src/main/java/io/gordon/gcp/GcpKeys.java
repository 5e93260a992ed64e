package io.gordon.gcp;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import java.util.List;

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

  private GcpKeys() {}

  /** A rule for absolute DNS names, as the original checked {@code dns_zone}. */
  public static Rule absoluteName() {
    return Rule.matching("([a-zA-Z0-9_-]+\\.)+", "an absolute DNS name ending with '.', "
        + "e.g. \"example.com.\"");
  }

  /** Declares {@code keyfile} and {@code scopes}. */
  public static ConfigSpec.Builder credentials(ConfigSpec.Builder b) {
    return b.optional("keyfile", ConfigType.STRING, null, Rule.nonEmpty(),
            "Service-account JSON key file (relative to the config directory). Absent: "
                + "Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, gcloud, or "
                + "the GCE metadata server).")
        .optional("scopes", ConfigType.STRING_LIST, List.of("cloud-platform"), Rule.nonEmpty(),
            "OAuth scopes; short names are prefixed with https://www.googleapis.com/auth/.");
  }

  /** Declares {@code endpoint} (with {@code defaultRoot}) and {@code anonymous}. */
  public static ConfigSpec.Builder endpoint(ConfigSpec.Builder b, String defaultRoot) {
    return b.optional("endpoint", ConfigType.STRING, defaultRoot,
            Rule.matching("https?://.+", "an http(s) URL"),
            "API root URL, for private endpoints and tests (default " + defaultRoot + ").")
        .optional("anonymous", ConfigType.BOOLEAN, false, Rule.any(),
            "Send requests without credentials: for emulators and fakes only (logs a warning).");
  }

  /** Declares {@code default_zone_prefix}. */
  public static ConfigSpec.Builder zonePrefix(ConfigSpec.Builder b, String doc) {
    return b.optional("default_zone_prefix", ConfigType.STRING, "", Rule.any(), doc);
  }

  /** The endpoint with a trailing slash, as the apiary clients expect. */
  public static String root(String endpoint) {
    return endpoint.endsWith("/") ? endpoint : endpoint + "/";
  }
}
