package io.gordon.gcp.compute;

import com.google.api.services.compute.Compute;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.Key;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import io.gordon.gcp.GcpKeys;
import io.gordon.gcp.GoogleClients;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Creates {@code gcp.enricher} (alias {@code gcp.gce}), the GCE instance enricher. */
public final class GceEnricherFactory implements PluginFactory {
  static final Key<String> DNS_ZONE =
      Key.string("dns_zone")
          .rule(GcpKeys.absoluteName())
          .required("Zone the instance records go in: <instance>.<dns_zone>.");
  static final Key<Optional<String>> PROJECT =
      Key.string("project")
          .optional(
              "Accepted for "
                  + "compatibility (the original's Cloud DNS project for deletions); unused: the instance's "
                  + "project comes from the audit log and deletions are looked up through the DNS provider.");
  static final Key<Integer> DEFAULT_TTL =
      Key.integer(
          "default_ttl",
          300,
          Rule.between(0, Integer.MAX_VALUE),
          "TTL of the A records produced (the original required it without declaring it).");
  static final Key<Integer> RETRIES =
      Key.integer(
          "retries",
          5,
          Rule.between(1, 100),
          "Reads of a new instance before giving up for now (the message is retried later).");
  static final Key<Duration> RETRY_DELAY =
      Key.duration(
          "retry_delay",
          Duration.ofSeconds(2),
          Rule.durationAtLeast(0),
          "Delay before the second read; doubles, with jitter.");
  static final Key<Duration> RETRY_MAX_DELAY =
      Key.duration(
          "retry_max_delay",
          Duration.ofSeconds(30),
          Rule.durationAtLeast(0),
          "Longest delay between two reads.");
  static final Key<Boolean> USE_INTERNAL_IP =
      Key.bool(
          "use_internal_ip", false, "Publish nic0's internal IP instead of its external NAT IP.");
  static final Key<String> ENDPOINT = GcpKeys.endpoint(GcpKeys.COMPUTE_ROOT);
  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .keys(
              DNS_ZONE,
              PROJECT,
              DEFAULT_TTL,
              RETRIES,
              RETRY_DELAY,
              RETRY_MAX_DELAY,
              USE_INTERNAL_IP,
              GcpKeys.REQUEST_TIMEOUT,
              GcpKeys.zonePrefix("Accepted for compatibility; unused by the enricher."),
              GcpKeys.KEYFILE,
              GcpKeys.SCOPES,
              ENDPOINT,
              GcpKeys.ANONYMOUS)
          .build();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public GceEnricherFactory() {}

  @Override
  public String name() {
    return "gcp.enricher";
  }

  @Override
  public List<String> aliases() {
    return List.of("gcp.gce");
  }

  @Override
  public PluginKind kind() {
    return PluginKind.HANDLER;
  }

  @Override
  public String description() {
    return "Adds the A record of a new GCE instance (or finds the one to delete) to audit-log "
        + "events.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    PluginConfig c = context.config();
    Compute compute =
        GoogleClients.builder(
                Compute.Builder::new, context, c.get(GcpKeys.REQUEST_TIMEOUT), c.get(ENDPOINT))
            .build();
    return new GceEnricher(context, compute, GceSettings.from(c));
  }
}
