package io.gordon.core.plugin;

import io.gordon.api.PermanentException;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.RecordReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@link RecordReader} every plugin context offers: reads go to the loaded DNS provider
 * managing the name (the one with the longest matching zone). Providers are set once loading has
 * finished, so a plugin created before its provider can still hold this reader.
 */
final class ProviderRecords implements RecordReader {
  private volatile List<DnsProvider> providers = List.of();

  void set(List<DnsProvider> loaded) {
    providers = List.copyOf(loaded);
  }

  @Override
  public Optional<RecordSet> read(String name, RecordType type) {
    return owner(name).read(name, type);
  }

  @Override
  public List<RecordSet> list(String zone) {
    return owner(zone).list(zone);
  }

  private DnsProvider owner(String name) {
    String n = absolute(name);
    DnsProvider best = null;
    int bestLength = -1;
    TreeSet<String> zones = new TreeSet<>();
    for (DnsProvider p : providers) {
      for (String z : p.zones()) {
        String zone = absolute(z);
        zones.add(zone);
        boolean inside = n.equals(zone) || zone.equals(".") || n.endsWith("." + zone);
        if (inside && zone.length() > bestLength) {
          best = p;
          bestLength = zone.length();
        }
      }
    }
    if (best == null) {
      throw new PermanentException(
          providers.isEmpty()
              ? "cannot read DNS records of " + n + ": no DNS provider is configured"
              : "cannot read DNS records of "
                  + n
                  + ": no configured DNS provider manages it"
                  + " (managed zones: "
                  + String.join(", ", zones)
                  + ")");
    }
    return best;
  }

  private static String absolute(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n : n + ".";
  }
}
