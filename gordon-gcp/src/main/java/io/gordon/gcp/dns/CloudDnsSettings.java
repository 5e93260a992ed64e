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
record CloudDnsSettings(String project, Set<String> zones, String zonePrefix,
    boolean namingFallback, int defaultTtl, Duration waitTimeout, int apiRetries,
    Backoff backoff, int conflictRetries) {

  /** Copies the zones. */
  CloudDnsSettings {
    zones = Set.copyOf(zones);
  }

  static CloudDnsSettings from(PluginConfig c) {
    Set<String> zones = new LinkedHashSet<>();
    zones.add(DnsNames.normalize(c.string("dns_zone")));
    c.strings("additional_zones").forEach(z -> zones.add(DnsNames.normalize(z)));
    return new CloudDnsSettings(c.string("project"), zones, c.string("default_zone_prefix"),
        c.bool("zone_naming_fallback"), c.intValue("default_ttl"),
        c.duration("publish_wait_timeout"), c.intValue("api_retries"),
        new Backoff(c.duration("api_retry_delay"), c.duration("api_retry_max_delay")),
        c.intValue("conflict_retries"));
  }

  ChangeSubmitter submitter(CloudDnsApi api) {
    return new ChangeSubmitter(api, backoff, apiRetries, waitTimeout);
  }
}
