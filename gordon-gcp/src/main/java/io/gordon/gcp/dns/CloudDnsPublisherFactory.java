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
import java.util.List;

/** Creates {@code gcp.publisher} (alias {@code gcp.gdns}), the Cloud DNS provider. */
public final class CloudDnsPublisherFactory implements PluginFactory {
  static final ConfigSpec SPEC = spec();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public CloudDnsPublisherFactory() {}

  private static ConfigSpec spec() {
    ConfigSpec.Builder b = ConfigSpec.builder()
        .required("project", ConfigType.STRING, Rule.nonEmpty(), "GCP project of the Cloud DNS "
            + "managed zones.")
        .required("dns_zone", ConfigType.STRING, GcpKeys.absoluteName(), "The zone to manage, "
            + "e.g. \"example.com.\"; its managed zone is found by DNS name.")
        .optional("additional_zones", ConfigType.STRING_LIST, List.of(), Rule.any(),
            "More zones to manage (e.g. reverse zones), each found like dns_zone.")
        .optional("default_ttl", ConfigType.INTEGER, 300L, Rule.between(5, Integer.MAX_VALUE),
            "TTL of records that carry none (Cloud DNS floors TTLs at 5).")
        .optional("publish_wait_timeout", ConfigType.DURATION, Duration.ofSeconds(60),
            Rule.durationAtLeast(0), "How long to wait for a change to be done; past it the "
                + "change is retried later (it is not dropped).")
        .optional("api_version", ConfigType.STRING, "v1", Rule.oneOf("v1"),
            "Cloud DNS API version; only v1 is supported (the original accepted other values "
                + "and ignored them).")
        .optional("zone_naming_fallback", ConfigType.BOOLEAN, true, Rule.any(),
            "When no managed zone has the DNS name, try the original naming convention "
                + "([default_zone_prefix-]example-com, reverse-20-10).")
        .optional("api_retries", ConfigType.INTEGER, 4L, Rule.between(0, 100),
            "Retries of a request that failed with 429, 5xx or a network error.")
        .optional("api_retry_delay", ConfigType.DURATION, Duration.ofMillis(500),
            Rule.durationAtLeast(0), "First delay between those retries; doubles, with jitter.")
        .optional("api_retry_max_delay", ConfigType.DURATION, Duration.ofSeconds(10),
            Rule.durationAtLeast(0), "Longest delay between those retries.")
        .optional("conflict_retries", ConfigType.INTEGER, 3L, Rule.between(0, 100),
            "Re-reads and retries when another writer changed a record meanwhile (409/412).")
        .optional("request_timeout", ConfigType.DURATION, Duration.ofSeconds(30),
            Rule.durationAtLeast(1), "Connect and read timeout of each API request.");
    GcpKeys.zonePrefix(b, "Prefix of managed-zone names for the naming fallback, e.g. "
        + "\"production\" for production-example-com.");
    GcpKeys.credentials(b);
    GcpKeys.endpoint(b, GcpKeys.DNS_ROOT);
    return b.build();
  }

  @Override
  public String name() {
    return "gcp.publisher";
  }

  @Override
  public List<String> aliases() {
    return List.of("gcp.gdns");
  }

  @Override
  public PluginKind kind() {
    return PluginKind.PROVIDER;
  }

  @Override
  public String description() {
    return "Google Cloud DNS provider: batched, conflict-safe changes per managed zone.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    PluginConfig c = context.config();
    CloudDnsSettings settings = CloudDnsSettings.from(c);
    Dns dns = new Dns.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(),
        GcpCredentials.initializer(GcpCredentials.load(context), c.duration("request_timeout")))
        .setRootUrl(GcpKeys.root(c.string("endpoint"))).setApplicationName("gordon").build();
    return new CloudDnsPublisher(context, new CloudDnsApi(dns, settings.project()), settings);
  }
}
