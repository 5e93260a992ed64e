package io.gordon.gcp.compute;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.compute.Compute;
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

/** Creates {@code gcp.enricher} (alias {@code gcp.gce}), the GCE instance enricher. */
public final class GceEnricherFactory implements PluginFactory {
  static final ConfigSpec SPEC = spec();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public GceEnricherFactory() {}

  private static ConfigSpec spec() {
    ConfigSpec.Builder b = ConfigSpec.builder()
        .required("dns_zone", ConfigType.STRING, GcpKeys.absoluteName(),
            "Zone the instance records go in: <instance>.<dns_zone>.")
        .optional("project", ConfigType.STRING, null, Rule.any(), "Accepted for compatibility "
            + "(the original's Cloud DNS project for deletions); unused: the instance's project "
            + "comes from the audit log and deletions are looked up through the DNS provider.")
        .optional("default_ttl", ConfigType.INTEGER, 300L, Rule.between(0, Integer.MAX_VALUE),
            "TTL of the A records produced (the original required it without declaring it).")
        .optional("retries", ConfigType.INTEGER, 5L, Rule.between(1, 100),
            "Reads of a new instance before giving up for now (the message is retried later).")
        .optional("retry_delay", ConfigType.DURATION, Duration.ofSeconds(2),
            Rule.durationAtLeast(0), "Delay before the second read; doubles, with jitter.")
        .optional("retry_max_delay", ConfigType.DURATION, Duration.ofSeconds(30),
            Rule.durationAtLeast(0), "Longest delay between two reads.")
        .optional("use_internal_ip", ConfigType.BOOLEAN, false, Rule.any(),
            "Publish nic0's internal IP instead of its external NAT IP.")
        .optional("request_timeout", ConfigType.DURATION, Duration.ofSeconds(30),
            Rule.durationAtLeast(1), "Connect and read timeout of each API request.");
    GcpKeys.zonePrefix(b, "Accepted for compatibility; unused by the enricher.");
    GcpKeys.credentials(b);
    GcpKeys.endpoint(b, GcpKeys.COMPUTE_ROOT);
    return b.build();
  }

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
    Compute compute = new Compute.Builder(new NetHttpTransport(),
        GsonFactory.getDefaultInstance(), GcpCredentials.initializer(GcpCredentials.load(context),
            c.duration("request_timeout")))
        .setRootUrl(GcpKeys.root(c.string("endpoint")))
        .setApplicationName("gordon").build();
    return new GceEnricher(context, compute, GceSettings.from(c));
  }
}
