package io.gordon.local.inventory;

import io.gordon.api.PermanentException;
import io.gordon.api.janitor.Authority;
import io.gordon.api.janitor.DesiredZone;
import io.gordon.api.janitor.Observation;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.RecordSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the desired record sets from a JSON file, or from every {@code *.json} file of a directory
 * (in name order), on each {@link #observe()}. Any problem (unreadable file, bad entry, record
 * outside the zones, a name and type listed twice) fails the whole observation, naming the file and
 * the entry, so that a half-read inventory never causes deletions.
 */
final class InventoryAuthority implements Authority {
  private final Path path;
  private final List<String> zones;
  private final Clock clock;

  InventoryAuthority(Path path, List<String> zones, Clock clock) {
    this.path = path;
    this.zones = List.copyOf(zones);
    this.clock = clock;
  }

  @Override
  public Set<String> zones() {
    return new LinkedHashSet<>(zones);
  }

  @Override
  public Observation observe() {
    Instant at = clock.instant();
    List<String> problems = new ArrayList<>();
    Map<String, List<RecordSet>> byZone = new LinkedHashMap<>();
    zones.forEach(z -> byZone.put(z, new ArrayList<>()));
    Map<String, String> seen = new HashMap<>();
    for (Path file : files(problems)) {
      List<InventoryFile.Entry> entries = InventoryFile.read(file, problems);
      for (InventoryFile.Entry e : entries) {
        String zone = zoneOf(e.records().name());
        String before = seen.putIfAbsent(e.records().key(), e.where());
        if (zone == null) {
          problems.add(
              e.where()
                  + ": "
                  + e.records().name()
                  + " is outside the zones of"
                  + " local.inventory (expected a name in "
                  + String.join(", ", zones)
                  + ")");
        } else if (before != null) {
          problems.add(
              e.where()
                  + ": "
                  + e.records().key()
                  + " is already listed at "
                  + before
                  + " (expected each name and type once)");
        } else {
          byZone.get(zone).add(e.records());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new PermanentException(
          "local.inventory: "
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems")
              + " in "
              + path
              + "; nothing is"
              + " reconciled:\n  "
              + String.join("\n  ", problems));
    }
    List<DesiredZone> out = new ArrayList<>();
    byZone.forEach((z, records) -> out.add(DesiredZone.complete(z, records)));
    return new Observation(at, out);
  }

  private List<Path> files(List<String> problems) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      problems.add(
          path
              + ": no such file or directory (expected a JSON file or a directory of"
              + " *.json files)");
      return List.of();
    }
    try (Stream<Path> s = Files.list(path)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(path + ": cannot list: " + e.getMessage());
      return List.of();
    }
  }

  private String zoneOf(String name) {
    String best = null;
    for (String z : zones) {
      if (DnsNames.isInZone(name, z) && (best == null || z.length() > best.length())) {
        best = z;
      }
    }
    return best;
  }
}
