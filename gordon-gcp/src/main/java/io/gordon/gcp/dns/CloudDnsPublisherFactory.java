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
import java.util.List;

/** Creates {@code gcp.publisher} (alias {@code gcp.gdns}), the Cloud DNS provider. */
public final class CloudDnsPublisherFactory implements PluginFactory {
  static final Key<String> PROJECT =
      Key.string("project")
          .rule(Rule.nonEmpty())
          .required("GCP project of the Cloud DNS managed zones.");
  static final Key<String> DNS_ZONE =
      Key.string("dns_zone")
          .rule(GcpKeys.absoluteName())
          .required(
              "The zone to manage, e.g. \"example.com.\"; its managed zone is found by DNS"
                  + " name.");
  static final Key<List<String>> ADDITIONAL_ZONES =
      Key.strings("additional_zones")
          .defaultsTo(
              List.of(), "More zones to manage (e.g. reverse zones), each found like dns_zone.");
  static final Key<Integer> DEFAULT_TTL =
      Key.integer(
          "default_ttl",
          300,
          Rule.between(5, Integer.MAX_VALUE),
          "TTL of records that carry none (Cloud DNS floors TTLs at 5).");
  static final Key<Duration> PUBLISH_WAIT_TIMEOUT =
      Key.duration(
          "publish_wait_timeout",
          Duration.ofSeconds(60),
          Rule.durationAtLeast(0),
          "How long to wait for a change to be"
              + " done; past it the change is retried later (it is not dropped).");
  static final Key<String> API_VERSION =
      Key.string(
          "api_version",
          "v1",
          Rule.oneOf("v1"),
          "Cloud DNS API version; only v1 is supported (the original accepted other values "
              + "and ignored them).");
  static final Key<Boolean> ZONE_NAMING_FALLBACK =
      Key.bool(
          "zone_naming_fallback",
          true,
          "When no managed zone has the DNS name, try the original naming convention "
              + "([default_zone_prefix-]example-com, reverse-20-10).");
  static final Key<Integer> API_RETRIES =
      Key.integer(
          "api_retries",
          4,
          Rule.between(0, 100),
          "Retries of a request that failed with 429, 5xx or a network error.");
  static final Key<Duration> API_RETRY_DELAY =
      Key.duration(
          "api_retry_delay",
          Duration.ofMillis(500),
          Rule.durationAtLeast(0),
          "First delay between those retries; doubles, with jitter.");
  static final Key<Duration> API_RETRY_MAX_DELAY =
      Key.duration(
          "api_retry_max_delay",
          Duration.ofSeconds(10),
          Rule.durationAtLeast(0),
          "Longest delay between those retries.");
  static final Key<Integer> CONFLICT_RETRIES =
      Key.integer(
          "conflict_retries",
          3,
          Rule.between(0, 100),
          "Re-reads and retries when another writer changed a record meanwhile (409/412).");
  static final Key<String> ZONE_PREFIX =
      GcpKeys.zonePrefix(
          "Prefix of managed-zone names for"
              + " the naming fallback, e.g. \"production\" for production-example-com.");
  static final Key<String> ENDPOINT = GcpKeys.endpoint(GcpKeys.DNS_ROOT);
  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .keys(
              PROJECT,
              DNS_ZONE,
              ADDITIONAL_ZONES,
              DEFAULT_TTL,
              PUBLISH_WAIT_TIMEOUT,
              API_VERSION,
              ZONE_NAMING_FALLBACK,
              API_RETRIES,
              API_RETRY_DELAY,
              API_RETRY_MAX_DELAY,
              CONFLICT_RETRIES,
              GcpKeys.REQUEST_TIMEOUT,
              ZONE_PREFIX,
              GcpKeys.KEYFILE,
              GcpKeys.SCOPES,
              ENDPOINT,
              GcpKeys.ANONYMOUS)
          .build();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public CloudDnsPublisherFactory() {}

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
    return new CloudDnsPublisher(
        context, CloudDnsApi.connect(context, settings.project(), c.get(ENDPOINT)), settings);
  }
}
