package io.gordon.gcp.dns;

import com.google.api.services.dns.model.ResourceRecordSet;
import io.gordon.api.PermanentException;
import io.gordon.api.ProviderException;
import io.gordon.api.RetriableException;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.PluginContext;
import io.gordon.gcp.ApiCallException;
import io.gordon.gcp.ApiError;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The Cloud DNS provider ({@code gcp.publisher}): each call to {@link #apply} becomes one {@code
 * changes.create} per zone (split only beyond the project's quotas), with additions that replace by
 * deleting the live RRset exactly as read. See {@link ZoneApplier} for the conflict, retry and wait
 * rules.
 */
final class CloudDnsPublisher implements DnsProvider {
  private final PluginContext context;
  private final CloudDnsApi api;
  private final Set<String> zones;
  private final ZoneResolver resolver;
  private final CloudDnsSettings settings;
  private volatile ZoneApplier applier;

  CloudDnsPublisher(PluginContext context, CloudDnsApi api, CloudDnsSettings settings) {
    this.context = context;
    this.api = api;
    this.settings = settings;
    this.zones = settings.zones();
    this.resolver = new ZoneResolver(api, settings.zonePrefix(), settings.namingFallback());
  }

  @Override
  public void start() {
    try {
      applier();
      for (String z : zones) {
        resolver.managedZone(z);
      }
      context.health().healthy();
    } catch (RetriableException e) {
      // Not fatal: the API may be back by the first change; readiness says why meanwhile.
      context.health().unhealthy("Cloud DNS unreachable at start: " + e.getMessage());
      context
          .logger()
          .log(System.Logger.Level.WARNING, "{0}: {1}", context.pluginName(), e.getMessage());
    }
  }

  @Override
  public Set<String> zones() {
    return zones;
  }

  @Override
  public List<ChangeResult> apply(List<Change> changes) {
    IdentityHashMap<Change, ChangeResult> out = new IdentityHashMap<>();
    Map<String, List<Change>> byZone = new LinkedHashMap<>();
    for (Change c : changes) {
      Optional<String> zone = zoneOf(c.name());
      if (zone.isEmpty()) {
        out.put(
            c,
            new ChangeResult.Failed(
                c,
                new ProviderException(
                    ChangePlan.PROVIDER,
                    "",
                    c.name(),
                    c.type().name(),
                    false,
                    c.name() + " is not in any zone this provider " + "manages " + zones,
                    null)));
      } else {
        byZone.computeIfAbsent(zone.get(), k -> new ArrayList<>()).add(c);
      }
    }
    byZone.forEach((zone, zoneChanges) -> applyZone(zone, zoneChanges, out));
    List<ChangeResult> results = new ArrayList<>(changes.size());
    changes.forEach(c -> results.add(out.get(c)));
    return results;
  }

  private void applyZone(String zone, List<Change> changes, Map<Change, ChangeResult> out) {
    try {
      String managedZone = resolver.managedZone(zone);
      applier().apply(zone, managedZone, changes, out);
      context.health().healthy();
    } catch (RetriableException | PermanentException e) {
      if (e instanceof RetriableException) {
        context.health().unhealthy(e.getMessage());
      }
      changes.forEach(c -> out.put(c, new ChangeResult.Failed(c, e)));
    }
  }

  @Override
  public Optional<RecordSet> read(String name, RecordType type) {
    String n = DnsNames.normalize(name);
    String zone =
        zoneOf(n)
            .orElseThrow(
                () ->
                    new PermanentException(
                        n + " is not in any zone this provider manages " + zones));
    try {
      return api.rrset(resolver.managedZone(zone), n, type.name()).map(CloudDnsPublisher::parse);
    } catch (ApiCallException e) {
      throw failure("read " + n + "/" + type, e.error());
    }
  }

  @Override
  public List<RecordSet> list(String zone) {
    String z = DnsNames.normalize(zone);
    try {
      List<RecordSet> out = new ArrayList<>();
      for (ResourceRecordSet r : api.rrsets(resolver.managedZone(z), null, null)) {
        boolean apexNs = r.getType().equals("NS") && r.getName().equalsIgnoreCase(z);
        if (!apexNs && isManagedType(r.getType())) {
          out.add(parse(r));
        }
      }
      return out;
    } catch (ApiCallException e) {
      throw failure("list zone " + z, e.error());
    }
  }

  @Override
  public void check() {
    try {
      api.quota();
      for (String z : zones) {
        resolver.managedZone(z);
      }
    } catch (ApiCallException e) {
      throw new ProviderException(
          ChangePlan.PROVIDER,
          "",
          "",
          "",
          e.error().kind() == ApiError.Kind.RETRIABLE,
          "Cloud DNS project " + api.project() + ": " + e.error().describe(),
          e);
    } catch (RetriableException | PermanentException e) {
      throw new ProviderException(ChangePlan.PROVIDER, "", "", "", false, e.getMessage(), e);
    }
  }

  private ZoneApplier applier() {
    ZoneApplier a = applier;
    if (a == null) {
      QuotaLimits quota;
      try {
        quota = QuotaLimits.of(api.quota());
      } catch (ApiCallException e) {
        if (e.error().kind() == ApiError.Kind.RETRIABLE) {
          throw new RetriableException(
              "cannot read the quotas of Cloud DNS project "
                  + api.project()
                  + ": "
                  + e.getMessage(),
              e);
        }
        context
            .logger()
            .log(
                System.Logger.Level.WARNING,
                "{0}: cannot read the quotas of "
                    + "project {1} ({2}); using the documented defaults",
                context.pluginName(),
                api.project(),
                e.getMessage());
        quota = QuotaLimits.DEFAULT;
      }
      a =
          new ZoneApplier(
              api,
              settings.submitter(api),
              quota,
              settings.defaultTtl(),
              settings.conflictRetries(),
              context.metrics());
      applier = a;
    }
    return a;
  }

  private Optional<String> zoneOf(String name) {
    String best = null;
    for (String z : zones) {
      if (DnsNames.isInZone(name, z) && (best == null || z.length() > best.length())) {
        best = z;
      }
    }
    return Optional.ofNullable(best);
  }

  static boolean isManagedType(String type) {
    try {
      RecordType.parse(type);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static RecordSet parse(ResourceRecordSet r) {
    return new RecordSet(
        r.getName().toLowerCase(Locale.ROOT),
        RecordType.parse(r.getType()),
        r.getTtl() == null ? OptionalInt.empty() : OptionalInt.of(r.getTtl()),
        r.getRrdatas());
  }

  private static RuntimeException failure(String what, ApiError error) {
    if (error.kind() == ApiError.Kind.RETRIABLE) {
      return new RetriableException("Cloud DNS could not " + what + ": " + error.describe());
    }
    return new PermanentException("Cloud DNS could not " + what + ": " + error.describe());
  }
}
