package io.gordon.gcp.janitor;

import com.google.api.client.http.javanet.NetHttpTransport;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.Key;
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
 * janitor namespace only; in a service configuration {@code gcp.gce} is still the enricher's alias.
 */
public final class GceAuthorityFactory implements PluginFactory {
  static final String CRM_ROOT = "https://cloudresourcemanager.googleapis.com/";
  static final Key<String> DNS_ZONE =
      Key.string("dns_zone")
          .rule(GcpKeys.absoluteName())
          .required(
              "Zone of the records, e.g. \"example.com.\": each instance gets"
                  + " <instance>.<dns_zone>.");
  static final Key<List<String>> PROJECT_WHITELIST =
      Key.strings("project_whitelist")
          .defaultsTo(
              List.of(),
              "Projects to list; empty: every ACTIVE project Resource Manager" + " shows.");
  static final Key<List<String>> PROJECT_BLACKLIST =
      Key.strings("project_blacklist")
          .defaultsTo(List.of(), "Projects never listed (also removed from the whitelist).");
  static final Key<List<String>> TAG_BLACKLIST =
      Key.strings("tag_blacklist")
          .defaultsTo(List.of(), "Instances with any of these network tags get no record.");
  static final Key<List<Object>> METADATA_BLACKLIST =
      Key.list("metadata_blacklist")
          .rule(Rule.of("a list of [key, value] pairs of strings", GceAuthorityFactory::pairs))
          .defaultsTo(
              List.of(),
              "Instances with any of these metadata key/value pairs get no" + " record.");
  static final Key<String> INSTANCE_FILTER =
      Key.string(
          "instance_filter",
          "",
          Rule.any(),
          "Filter passed verbatim to the aggregated instance list, e.g. \"status = RUNNING\".");
  static final Key<Integer> DEFAULT_TTL =
      Key.integer(
          "default_ttl",
          300,
          Rule.between(0, Integer.MAX_VALUE),
          "TTL of the records; should equal the service's" + " default TTL.");
  static final Key<Integer> MAX_CONCURRENT_PROJECTS =
      Key.integer(
          "max_concurrent_projects",
          10,
          Rule.between(1, 1000),
          "Most projects whose instances are listed at once.");
  static final Key<String> CRM_ENDPOINT =
      Key.string(
          "crm_endpoint",
          CRM_ROOT,
          Rule.matching("https?://.+", "an http(s) URL"),
          "Resource Manager root URL.");
  static final Key<Duration> CLEANUP_TIMEOUT =
      Key.duration(
          "cleanup_timeout",
          Duration.ofSeconds(60),
          Rule.durationAtLeast(0),
          "Accepted for compatibility with the original; unused.");
  static final Key<String> ENDPOINT = GcpKeys.endpoint(GcpKeys.COMPUTE_ROOT);
  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .keys(
              DNS_ZONE,
              PROJECT_WHITELIST,
              PROJECT_BLACKLIST,
              TAG_BLACKLIST,
              METADATA_BLACKLIST,
              INSTANCE_FILTER,
              DEFAULT_TTL,
              MAX_CONCURRENT_PROJECTS,
              CRM_ENDPOINT,
              GcpKeys.REQUEST_TIMEOUT,
              CLEANUP_TIMEOUT,
              GcpKeys.KEYFILE,
              GcpKeys.SCOPES,
              ENDPOINT,
              GcpKeys.ANONYMOUS)
          .build();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public GceAuthorityFactory() {}

  private static boolean pairs(Object v) {
    if (!(v instanceof List<?> l)) {
      return false;
    }
    for (Object o : l) {
      if (!(o instanceof List<?> p)
          || p.size() != 2
          || !(p.get(0) instanceof String)
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
    GoogleGet http =
        new GoogleGet(
            new NetHttpTransport()
                .createRequestFactory(
                    GcpCredentials.initializer(
                        GcpCredentials.load(context), c.get(GcpKeys.REQUEST_TIMEOUT))));
    return new GceAuthority(
        new GceListing(http, settings, context.logger()),
        settings,
        context.clock(),
        context.metrics(),
        context.logger());
  }
}
