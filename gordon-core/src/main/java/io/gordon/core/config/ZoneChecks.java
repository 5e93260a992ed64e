package io.gordon.core.config;

import io.gordon.api.plugin.PluginKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Cross-checks of the zones the DNS providers manage. */
final class ZoneChecks {
  /** The provider keys that name zones, by the convention the bundled providers follow. */
  private static final List<String> ZONE_KEYS = List.of("zones", "dns_zone", "additional_zones");

  private ZoneChecks() {}

  private record Claim(String zone, String plugin, String key, Origin origin) {}

  /**
   * Two providers for one zone would each apply a share of its events and overwrite each other's
   * SOA serials; a zone has one provider.
   */
  static List<ConfigProblem> oneProviderPerZone(CrossCheck.Input in) {
    List<Claim> claims = new ArrayList<>();
    for (String p : in.plugins()) {
      if (in.kinds().get(p) == PluginKind.PROVIDER) {
        for (String key : ZONE_KEYS) {
          for (String zone : zones(in.value(p, key).orElse(List.of()))) {
            claims.add(new Claim(zone, p, key, in.origins().of(p, key)));
          }
        }
      }
    }
    // The one written later is at fault.
    claims.sort(
        Comparator.comparing((Claim c) -> c.origin().file())
            .thenComparingInt(c -> c.origin().line())
            .thenComparingInt(c -> c.origin().column()));
    Map<String, Claim> owner = new LinkedHashMap<>();
    List<ConfigProblem> out = new ArrayList<>();
    for (Claim claim : claims) {
      Claim first = owner.putIfAbsent(claim.zone(), claim);
      if (first != null && !first.plugin().equals(claim.plugin())) {
        out.add(
            ConfigProblem.of(
                    claim.origin(),
                    in.origins().dotted(claim.plugin(), claim.key()),
                    "zone "
                        + claim.zone()
                        + " is also managed by "
                        + first.plugin()
                        + " ("
                        + in.origins().dotted(first.plugin(), first.key())
                        + ", "
                        + first.origin()
                        + ")",
                    "each zone in the zones of one provider only")
                .forPlugin(claim.plugin()));
      }
    }
    return out;
  }

  private static List<String> zones(Object value) {
    List<?> list = value instanceof List<?> l ? l : List.of(value);
    return list.stream()
        .map(z -> String.valueOf(z).toLowerCase(Locale.ROOT))
        .map(z -> z.endsWith(".") ? z : z + ".")
        .distinct()
        .toList();
  }
}
