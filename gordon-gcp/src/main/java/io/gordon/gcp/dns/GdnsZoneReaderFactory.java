package io.gordon.gcp.dns;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.Key;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import io.gordon.gcp.GcpKeys;
import java.time.Duration;

/**
 * Creates the janitor's {@code gcp.gdns}: the original gordon-janitor's Cloud DNS reconciler, which
 * in gordon is a zone reader (the reconciling itself is the core's, for every provider). In the
 * janitor namespace only; in a service configuration {@code gcp.gdns} is still the Cloud DNS
 * provider's alias.
 */
public final class GdnsZoneReaderFactory implements PluginFactory {
  static final Key<String> PROJECT = CloudDnsPublisherFactory.PROJECT;
  static final Key<String> API_VERSION =
      Key.string("api_version", "v1", Rule.oneOf("v1"), "Cloud DNS API version; only v1.");
  static final Key<Boolean> ZONE_NAMING_FALLBACK =
      Key.bool(
          "zone_naming_fallback",
          true,
          "When no managed zone has the DNS name, try the original naming convention "
              + "([default_zone_prefix-]example-com).");
  static final Key<Duration> CLEANUP_TIMEOUT =
      Key.duration(
          "cleanup_timeout",
          Duration.ofSeconds(60),
          Rule.durationAtLeast(0),
          "Accepted for compatibility with the original; unused.");
  static final Key<String> ZONE_PREFIX =
      GcpKeys.zonePrefix(
          "Prefix of managed-zone names for" + " the naming fallback; must equal the service's.");
  static final Key<String> ENDPOINT = GcpKeys.endpoint(GcpKeys.DNS_ROOT);
  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .keys(
              PROJECT,
              API_VERSION,
              ZONE_NAMING_FALLBACK,
              CLEANUP_TIMEOUT,
              GcpKeys.REQUEST_TIMEOUT,
              ZONE_PREFIX,
              GcpKeys.KEYFILE,
              GcpKeys.SCOPES,
              ENDPOINT,
              GcpKeys.ANONYMOUS)
          .build();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public GdnsZoneReaderFactory() {}

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
    CloudDnsApi api = CloudDnsApi.connect(context, c.get(PROJECT), c.get(ENDPOINT));
    return new GdnsZoneReader(
        api, new ZoneResolver(api, c.get(ZONE_PREFIX), c.get(ZONE_NAMING_FALLBACK)));
  }
}
