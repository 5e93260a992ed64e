package io.gordon.gcp.janitor;

import io.gordon.api.config.PluginConfig;
import io.gordon.api.model.DnsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code gcp.gce} authority's settings.
 *
 * @param zone dns_zone, normalised
 * @param whitelist project_whitelist (empty: ask Resource Manager)
 * @param blacklist project_blacklist (applies to the whitelist too)
 * @param tagBlacklist instances with any of these network tags are left out
 * @param metadataBlacklist instances with any of these metadata key/value pairs are left out
 * @param filter instance_filter, passed to the aggregated list
 * @param ttl default_ttl of the records
 * @param concurrency most projects listed at once
 * @param computeRoot Compute Engine's root URL
 * @param crmRoot Resource Manager's root URL
 */
record GceSettings(
    String zone,
    List<String> whitelist,
    List<String> blacklist,
    List<String> tagBlacklist,
    List<Map.Entry<String, String>> metadataBlacklist,
    String filter,
    int ttl,
    int concurrency,
    String computeRoot,
    String crmRoot) {

  /** Reads a configuration validated against {@link GceAuthorityFactory#SPEC}. */
  static GceSettings from(PluginConfig c) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (Object o : c.get(GceAuthorityFactory.METADATA_BLACKLIST)) {
      List<?> pair = (List<?>) o; // the key's rule admits only [key, value] string pairs
      pairs.add(Map.entry(String.valueOf(pair.get(0)), String.valueOf(pair.get(1))));
    }
    return new GceSettings(
        DnsNames.normalize(c.get(GceAuthorityFactory.DNS_ZONE)),
        c.get(GceAuthorityFactory.PROJECT_WHITELIST),
        c.get(GceAuthorityFactory.PROJECT_BLACKLIST),
        c.get(GceAuthorityFactory.TAG_BLACKLIST),
        List.copyOf(pairs),
        c.get(GceAuthorityFactory.INSTANCE_FILTER),
        c.get(GceAuthorityFactory.DEFAULT_TTL),
        c.get(GceAuthorityFactory.MAX_CONCURRENT_PROJECTS),
        slash(c.get(GceAuthorityFactory.ENDPOINT)),
        slash(c.get(GceAuthorityFactory.CRM_ENDPOINT)));
  }

  private static String slash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
