package io.gordon.gcp.dns;

import io.gordon.api.config.PluginConfig;
import io.gordon.api.model.DnsNames;
import io.gordon.gcp.Backoff;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The validated settings of {@code gcp.publisher}.
 *
 * @param project the Cloud DNS project
 * @param zones the zones managed: dns_zone and additional_zones, normalised
 * @param zonePrefix default_zone_prefix, for the naming fallback
 * @param namingFallback zone_naming_fallback
 * @param defaultTtl TTL for records that carry none
 * @param waitTimeout publish_wait_timeout
 * @param apiRetries retries of a 429/5xx/network failure per request
 * @param backoff delays between those retries
 * @param conflictRetries re-reads after a concurrent change
 */
record CloudDnsSettings(
    String project,
    Set<String> zones,
    String zonePrefix,
    boolean namingFallback,
    int defaultTtl,
    Duration waitTimeout,
    int apiRetries,
    Backoff backoff,
    int conflictRetries) {

  /** Copies the zones. */
  CloudDnsSettings {
    zones = Set.copyOf(zones);
  }

  /** Reads a configuration validated against {@link CloudDnsPublisherFactory#SPEC}. */
  static CloudDnsSettings from(PluginConfig c) {
    Set<String> zones = new LinkedHashSet<>();
    zones.add(DnsNames.normalize(c.get(CloudDnsPublisherFactory.DNS_ZONE)));
    c.get(CloudDnsPublisherFactory.ADDITIONAL_ZONES).forEach(z -> zones.add(DnsNames.normalize(z)));
    return new CloudDnsSettings(
        c.get(CloudDnsPublisherFactory.PROJECT),
        zones,
        c.get(CloudDnsPublisherFactory.ZONE_PREFIX),
        c.get(CloudDnsPublisherFactory.ZONE_NAMING_FALLBACK),
        c.get(CloudDnsPublisherFactory.DEFAULT_TTL),
        c.get(CloudDnsPublisherFactory.PUBLISH_WAIT_TIMEOUT),
        c.get(CloudDnsPublisherFactory.API_RETRIES),
        new Backoff(
            c.get(CloudDnsPublisherFactory.API_RETRY_DELAY),
            c.get(CloudDnsPublisherFactory.API_RETRY_MAX_DELAY)),
        c.get(CloudDnsPublisherFactory.CONFLICT_RETRIES));
  }

  ChangeSubmitter submitter(CloudDnsApi api) {
    return new ChangeSubmitter(api, backoff, apiRetries, waitTimeout);
  }
}
