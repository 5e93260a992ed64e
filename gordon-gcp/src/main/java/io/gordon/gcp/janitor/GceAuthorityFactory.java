package io.gordon.gcp.janitor;

import com.google.api.client.http.javanet.NetHttpTransport;
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

/**
 * Creates the janitor's {@code gcp.gce}: the original gordon-janitor's GCE authority. In the
 * janitor namespace only; in a service configuration {@code gcp.gce} is still the enricher's
 * alias.
 */
public final class GceAuthorityFactory implements PluginFactory {
  static final String CRM_ROOT = "https://cloudresourcemanager.googleapis.com/";
  static final ConfigSpec SPEC = spec();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public GceAuthorityFactory() {}

  private static ConfigSpec spec() {
    ConfigSpec.Builder b = ConfigSpec.builder()
        .required("dns_zone", ConfigType.STRING, GcpKeys.absoluteName(), "Zone of the records,"
            + " e.g. \"example.com.\": each instance gets <instance>.<dns_zone>.")
        .optional("project_whitelist", ConfigType.STRING_LIST, List.of(), Rule.any(),
            "Projects to list; empty: every ACTIVE project Resource Manager shows.")
        .optional("project_blacklist", ConfigType.STRING_LIST, List.of(), Rule.any(),
            "Projects never listed (also removed from the whitelist).")
        .optional("tag_blacklist", ConfigType.STRING_LIST, List.of(), Rule.any(),
            "Instances with any of these network tags get no record.")
        .optional("metadata_blacklist", ConfigType.LIST, List.of(), Rule.of(
            "a list of [key, value] pairs of strings", GceAuthorityFactory::pairs),
            "Instances with any of these metadata key/value pairs get no record.")
        .optional("instance_filter", ConfigType.STRING, "", Rule.any(),
            "Filter passed verbatim to the aggregated instance list, e.g. \"status = RUNNING\".")
        .optional("default_ttl", ConfigType.INTEGER, 300L, Rule.between(0, Integer.MAX_VALUE),
            "TTL of the records; should equal the service's default TTL.")
        .optional("max_concurrent_projects", ConfigType.INTEGER, 10L, Rule.between(1, 1000),
            "Most projects whose instances are listed at once.")
        .optional("crm_endpoint", ConfigType.STRING, CRM_ROOT,
            Rule.matching("https?://.+", "an http(s) URL"), "Resource Manager root URL.")
        .optional("request_timeout", ConfigType.DURATION, Duration.ofSeconds(30),
            Rule.durationAtLeast(1), "Connect and read timeout of each API request.")
        .optional("cleanup_timeout", ConfigType.DURATION, Duration.ofSeconds(60),
            Rule.durationAtLeast(0), "Accepted for compatibility with the original; unused.");
    GcpKeys.credentials(b);
    GcpKeys.endpoint(b, GcpKeys.COMPUTE_ROOT);
    return b.build();
  }

  private static boolean pairs(Object v) {
    if (!(v instanceof List<?> l)) {
      return false;
    }
    for (Object o : l) {
      if (!(o instanceof List<?> p) || p.size() != 2 || !(p.get(0) instanceof String)
          || !(p.get(1) instanceof String)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String name() {
    return "gcp.gce";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.AUTHORITY;
  }

  @Override
  public String description() {
    return "Janitor authority: an A record <instance>.<dns_zone> for every GCE instance with an"
        + " external address in the listed projects.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    PluginConfig c = context.config();
    GceSettings settings = GceSettings.from(c);
    GoogleGet http = new GoogleGet(new NetHttpTransport().createRequestFactory(
        GcpCredentials.initializer(GcpCredentials.load(context), c.duration("request_timeout"))));
    return new GceAuthority(new GceListing(http, settings, context.logger()), settings,
        context.clock(), context.metrics(), context.logger());
  }
}
