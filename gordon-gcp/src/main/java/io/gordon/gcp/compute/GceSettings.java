package io.gordon.gcp.compute;

import io.gordon.api.config.PluginConfig;
import io.gordon.api.model.DnsNames;
import io.gordon.gcp.Backoff;

/**
 * The validated settings of {@code gcp.enricher}.
 *
 * @param dnsZone the zone instance names are put under
 * @param defaultTtl TTL of the records produced
 * @param retries reads of an instance before giving up for now
 * @param backoff delays between those reads
 * @param useInternalIp publish the internal IP instead of the external NAT IP
 */
record GceSettings(
    String dnsZone, int defaultTtl, int retries, Backoff backoff, boolean useInternalIp) {
  /** Reads a configuration validated against {@link GceEnricherFactory#SPEC}. */
  static GceSettings from(PluginConfig c) {
    return new GceSettings(
        DnsNames.normalize(c.get(GceEnricherFactory.DNS_ZONE)),
        c.get(GceEnricherFactory.DEFAULT_TTL),
        c.get(GceEnricherFactory.RETRIES),
        new Backoff(
            c.get(GceEnricherFactory.RETRY_DELAY), c.get(GceEnricherFactory.RETRY_MAX_DELAY)),
        c.get(GceEnricherFactory.USE_INTERNAL_IP));
  }
}
