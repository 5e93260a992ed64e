package io.gordon.gcp.dns;

import com.google.api.services.dns.model.ManagedZone;
import io.gordon.api.PermanentException;
import io.gordon.api.RetriableException;
import io.gordon.gcp.ApiCallException;
import io.gordon.gcp.ApiError;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the managed zone serving a DNS name: by {@code dnsName} through managedZones.list, and,
 * when that finds none and the fallback is on, by the original gordon's naming convention
 * (gordon.md 2.8), checked with managedZones.get. Results are cached.
 */
final class ZoneResolver {
  private final CloudDnsApi api;
  private final String prefix;
  private final boolean namingFallback;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  ZoneResolver(CloudDnsApi api, String prefix, boolean namingFallback) {
    this.api = api;
    this.prefix = prefix;
    this.namingFallback = namingFallback;
  }

  /**
   * The managed zone name for {@code dnsName}.
   *
   * @throws RetriableException when the API could not be asked
   * @throws PermanentException when no zone serves the name
   */
  String managedZone(String dnsName) {
    String known = cache.get(dnsName);
    if (known != null) {
      return known;
    }
    String found = lookup(dnsName);
    cache.put(dnsName, found);
    return found;
  }

  private String lookup(String dnsName) {
    try {
      List<ManagedZone> zones = api.zonesNamed(dnsName);
      if (!zones.isEmpty()) {
        return zones.get(0).getName();
      }
    } catch (ApiCallException e) {
      if (e.error().kind() == ApiError.Kind.RETRIABLE) {
        throw new RetriableException(
            "cannot list the managed zones of project " + api.project() + ": " + e.getMessage(), e);
      }
      if (!namingFallback) {
        throw new PermanentException(
            "cannot list the managed zones of project " + api.project() + ": " + e.getMessage(), e);
      }
    }
    if (!namingFallback) {
      throw new PermanentException(
          "project "
              + api.project()
              + " has no managed zone with DNS "
              + "name "
              + dnsName
              + " (zone_naming_fallback is off)");
    }
    String name = conventionName(dnsName, prefix);
    try {
      ManagedZone z = api.zone(name);
      if (!dnsName.equalsIgnoreCase(z.getDnsName())) {
        throw new PermanentException(
            "managed zone " + name + " serves " + z.getDnsName() + ", not " + dnsName);
      }
      return name;
    } catch (ApiCallException e) {
      if (e.error().kind() == ApiError.Kind.RETRIABLE) {
        throw new RetriableException("cannot read managed zone " + name + ": " + e.getMessage(), e);
      }
      throw new PermanentException(
          "project "
              + api.project()
              + " has no managed zone with DNS "
              + "name "
              + dnsName
              + ", nor one named "
              + name
              + " by the naming convention: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The original's managed-zone name: {@code [prefix-]} plus the dashed forward name ({@code
   * example.com.} -> {@code example-com}), or for {@code *.in-addr.arpa.} zones {@code reverse-}
   * plus the two most significant octets in in-addr order.
   */
  static String conventionName(String dnsName, String prefix) {
    String p = prefix.isEmpty() ? "" : prefix + "-";
    String[] labels = dnsName.split("\\.");
    if (dnsName.endsWith(".in-addr.arpa.")) {
      int n = labels.length; // e.g. [30, 20, 10, in-addr, arpa]
      return p + "reverse-" + labels[n - 4] + "-" + labels[n - 3];
    }
    return p + String.join("-", Arrays.asList(labels));
  }
}
