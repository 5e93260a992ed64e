package io.gordon.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A TOML table that remembers where each of its keys was written. Values are {@code String}, {@code
 * Long}, {@code Double}, {@code Boolean}, a {@code java.time} temporal, a {@code List} of values,
 * or a nested {@link ConfigTable}. Immutable.
 */
public final class ConfigTable {
  private final Origin origin;
  private final Map<String, Entry> entries;

  /**
   * One key's value and where it was written.
   *
   * @param value the value (a {@link ConfigTable} for tables)
   * @param origin where the key was written
   */
  public record Entry(Object value, Origin origin) {
    /** Validates the fields. */
    public Entry {
      Objects.requireNonNull(value, "value == null");
      Objects.requireNonNull(origin, "origin == null");
    }

    /** The value as a table, if it is one. */
    public Optional<ConfigTable> table() {
      return value instanceof ConfigTable t ? Optional.of(t) : Optional.empty();
    }
  }

  /** Creates a table defined at {@code origin} with {@code entries} in order. */
  public ConfigTable(Origin origin, Map<String, Entry> entries) {
    this.origin = Objects.requireNonNull(origin, "origin == null");
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /** An empty table. */
  public static ConfigTable empty(Origin origin) {
    return new ConfigTable(origin, Map.of());
  }

  /** Where the table was first defined. */
  public Origin origin() {
    return origin;
  }

  /** The entries, in the order written. */
  public Map<String, Entry> entries() {
    return entries;
  }

  /** The entry of {@code key}, if present. */
  public Optional<Entry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The table at the dotted {@code path} (e.g. {@code gcp.publisher}), if every step is one. */
  public Optional<ConfigTable> table(String path) {
    if (path.isEmpty()) {
      return Optional.of(this);
    }
    ConfigTable t = this;
    for (String part : path.split("\\.", -1)) {
      Entry e = t.entries.get(part);
      if (e == null || !(e.value() instanceof ConfigTable next)) {
        return Optional.empty();
      }
      t = next;
    }
    return Optional.of(t);
  }

  /** Where the key at the dotted {@code path} was written, if it exists. */
  public Optional<Origin> originOf(String path) {
    int dot = path.lastIndexOf('.');
    Optional<ConfigTable> parent = dot < 0 ? Optional.of(this) : table(path.substring(0, dot));
    return parent.flatMap(t -> t.entry(path.substring(dot + 1))).map(Entry::origin);
  }

  /**
   * Deep-merges {@code over} onto this table, as the original gordon merged gordon-user.toml onto
   * gordon.toml: tables merge recursively; every other value, lists included, replaces the value
   * below it (and a table replaces a non-table and vice versa). Origins follow the values.
   */
  public ConfigTable mergedWith(ConfigTable over) {
    Map<String, Entry> out = new LinkedHashMap<>(entries);
    over.entries.forEach(
        (k, e) -> {
          Entry mine = out.get(k);
          if (mine != null
              && mine.value() instanceof ConfigTable a
              && e.value() instanceof ConfigTable b) {
            out.put(k, new Entry(a.mergedWith(b), mine.origin()));
          } else {
            out.put(k, e);
          }
        });
    return new ConfigTable(origin, out);
  }

  /** The table as plain Java maps and lists, without origins. */
  public Map<String, Object> toPlainMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    entries.forEach((k, e) -> out.put(k, plain(e.value())));
    return Collections.unmodifiableMap(out);
  }

  private static Object plain(Object v) {
    if (v instanceof ConfigTable t) {
      return t.toPlainMap();
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(plain(x)));
      return Collections.unmodifiableList(out);
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigTable t && t.toPlainMap().equals(toPlainMap());
  }

  @Override
  public int hashCode() {
    return toPlainMap().hashCode();
  }

  @Override
  public String toString() {
    return toPlainMap().toString();
  }
}
