package io.gordon.gcp.dns;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.dns.Dns;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import io.gordon.gcp.GcpCredentials;
import io.gordon.gcp.GcpKeys;
import java.time.Duration;

/**
 * Creates the janitor's {@code gcp.gdns}: the original gordon-janitor's Cloud DNS reconciler,
 * which in gordon is a zone reader (the reconciling itself is the core's, for every provider).
 * In the janitor namespace only; in a service configuration {@code gcp.gdns} is still the Cloud
 * DNS provider's alias.
 */
public final class GdnsZoneReaderFactory implements PluginFactory {
  static final ConfigSpec SPEC = spec();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public GdnsZoneReaderFactory() {}

  private static ConfigSpec spec() {
    ConfigSpec.Builder b = ConfigSpec.builder()
        .required("project", ConfigType.STRING, Rule.nonEmpty(), "GCP project of the Cloud DNS "
            + "managed zones.")
        .optional("api_version", ConfigType.STRING, "v1", Rule.oneOf("v1"),
            "Cloud DNS API version; only v1.")
        .optional("zone_naming_fallback", ConfigType.BOOLEAN, true, Rule.any(),
            "When no managed zone has the DNS name, try the original naming convention "
                + "([default_zone_prefix-]example-com).")
        .optional("cleanup_timeout", ConfigType.DURATION, Duration.ofSeconds(60),
            Rule.durationAtLeast(0), "Accepted for compatibility with the original; unused.")
        .optional("request_timeout", ConfigType.DURATION, Duration.ofSeconds(30),
            Rule.durationAtLeast(1), "Connect and read timeout of each API request.");
    GcpKeys.zonePrefix(b, "Prefix of managed-zone names for the naming fallback; must equal "
        + "the service's.");
    GcpKeys.credentials(b);
    GcpKeys.endpoint(b, GcpKeys.DNS_ROOT);
    return b.build();
  }

  @Override
  public String name() {
    return "gcp.gdns";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.ZONE_READER;
  }

  @Override
  public String description() {
    return "Janitor: reads whole Cloud DNS zones (every page) for the reconciler.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    PluginConfig c = context.config();
    Dns dns = new Dns.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(),
        GcpCredentials.initializer(GcpCredentials.load(context), c.duration("request_timeout")))
        .setRootUrl(GcpKeys.root(c.string("endpoint"))).setApplicationName("gordon").build();
    CloudDnsApi api = new CloudDnsApi(dns, c.string("project"));
    return new GdnsZoneReader(api, new ZoneResolver(api, c.string("default_zone_prefix"),
        c.bool("zone_naming_fallback")));
  }
}
