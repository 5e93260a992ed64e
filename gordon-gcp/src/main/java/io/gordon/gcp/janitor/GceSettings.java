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
record GceSettings(String zone, List<String> whitelist, List<String> blacklist,
    List<String> tagBlacklist, List<Map.Entry<String, String>> metadataBlacklist, String filter,
    int ttl, int concurrency, String computeRoot, String crmRoot) {

  static GceSettings from(PluginConfig c) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (Object o : c.list("metadata_blacklist")) {
      List<?> pair = (List<?>) o;
      pairs.add(Map.entry(String.valueOf(pair.get(0)), String.valueOf(pair.get(1))));
    }
    return new GceSettings(DnsNames.normalize(c.string("dns_zone")),
        c.strings("project_whitelist"), c.strings("project_blacklist"),
        c.strings("tag_blacklist"), List.copyOf(pairs), c.string("instance_filter"),
        c.intValue("default_ttl"), c.intValue("max_concurrent_projects"),
        slash(c.string("endpoint")), slash(c.string("crm_endpoint")));
  }

  private static String slash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
