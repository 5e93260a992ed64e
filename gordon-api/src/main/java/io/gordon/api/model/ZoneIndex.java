package io.gordon.api.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Finds the zone a record name belongs to: the longest of the managed zones that equals the name or
 * lies above it (so {@code a.corp.example.com.} goes to {@code corp.example.com.} before {@code
 * example.com.}). The one implementation of that rule; immutable and thread-safe.
 *
 * @param <T> what each zone maps to (a provider, a batching queue, or the zone name itself)
 */
public final class ZoneIndex<T> {
  private final List<Map.Entry<String, T>> longestFirst;

  private ZoneIndex(Map<String, T> zones) {
    List<Map.Entry<String, T>> l = new ArrayList<>();
    zones.forEach(
        (z, v) ->
            l.add(
                Map.entry(
                    Objects.requireNonNull(z, "zone == null"),
                    Objects.requireNonNull(v, "value of zone " + z + " == null"))));
    l.sort(Comparator.comparingInt((Map.Entry<String, T> e) -> e.getKey().length()).reversed());
    this.longestFirst = List.copyOf(l);
  }

  /** An index over {@code zones} (absolute, lower-case names) and what each maps to. */
  public static <T> ZoneIndex<T> of(Map<String, T> zones) {
    return new ZoneIndex<>(zones);
  }

  /** An index over zone names alone; {@link #find} returns the zone name. */
  public static ZoneIndex<String> ofZones(Iterable<String> zones) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    zones.forEach(z -> m.put(z, z));
    return new ZoneIndex<>(m);
  }

  /**
   * What the longest zone holding {@code name} (absolute, lower case) maps to, or null when no zone
   * holds it. A linear scan: gordon manages a handful of zones, and a scan of a few {@code
   * endsWith} calls costs less than hashing every suffix of the name.
   */
  public @Nullable T find(String name) {
    for (Map.Entry<String, T> e : longestFirst) {
      if (DnsNames.isInZone(name, e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  /** {@link #find} as an Optional. */
  public Optional<T> lookup(String name) {
    return Optional.ofNullable(find(name));
  }

  /** The zones, sorted by name, for error messages such as "managed zones: a., b.". */
  public String describe() {
    TreeSet<String> names = new TreeSet<>();
    longestFirst.forEach(e -> names.add(e.getKey()));
    return String.join(", ", names);
  }

  /** Whether the index holds no zone. */
  public boolean isEmpty() {
    return longestFirst.isEmpty();
  }
}
