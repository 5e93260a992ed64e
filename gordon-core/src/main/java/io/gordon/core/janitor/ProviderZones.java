package io.gordon.core.janitor;

import io.gordon.api.PermanentException;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.RecordReader;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a zone through the DNS provider that manages exactly that zone: a janitor reconciles whole
 * zones, so a provider of a parent zone is not the one to ask.
 */
final class ProviderZones implements RecordReader {
  private final List<DnsProvider> providers;

  ProviderZones(List<DnsProvider> providers) {
    this.providers = List.copyOf(providers);
  }

  @Override
  public Optional<RecordSet> read(String name, RecordType type) {
    throw new UnsupportedOperationException("the janitor reads whole zones");
  }

  @Override
  public List<RecordSet> list(String zone) {
    String z = DnsNames.normalize(zone);
    TreeSet<String> managed = new TreeSet<>();
    for (DnsProvider p : providers) {
      for (String m : p.zones()) {
        if (DnsNames.normalize(m).equals(z)) {
          return p.list(z);
        }
        managed.add(m);
      }
    }
    throw new PermanentException(
        "no configured DNS provider manages zone "
            + z
            + " (managed zones: "
            + (managed.isEmpty() ? "none" : String.join(", ", managed))
            + ")");
  }
}
