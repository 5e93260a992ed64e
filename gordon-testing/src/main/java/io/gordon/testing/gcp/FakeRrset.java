package io.gordon.testing.gcp;

import io.gordon.api.model.Rdata;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A resource record set as the fake Cloud DNS stores it: lower-case absolute name, upper-case type,
 * TTL and canonical rrdatas. Equality of rrdatas ignores order ({@link #sameData}).
 *
 * @param name absolute, lower-case name
 * @param type record type, e.g. {@code A}, {@code SOA}
 * @param ttl TTL in seconds
 * @param rrdatas canonical rrdatas
 */
public record FakeRrset(String name, String type, int ttl, List<String> rrdatas) {
  private static final Set<String> HOST_TYPES = Set.of("CNAME", "NS", "PTR");

  /** Copies the rrdatas. */
  public FakeRrset {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(type, "type == null");
    rrdatas = List.copyOf(rrdatas);
  }

  /** Shortcut for tests: {@code FakeRrset.of("www.example.com.", "A", 300, "192.0.2.1")}. */
  public static FakeRrset of(String name, String type, int ttl, String... rrdatas) {
    return new FakeRrset(
        name.toLowerCase(Locale.ROOT), type.toUpperCase(Locale.ROOT), ttl, List.of(rrdatas));
  }

  /** {@code name/type}. */
  public String key() {
    return key(name, type);
  }

  static String key(String name, String type) {
    return name + "/" + type;
  }

  /** Whether ttl and the set of rrdatas are equal (what a deletion must match). */
  public boolean sameData(FakeRrset other) {
    return ttl == other.ttl
        && Set.copyOf(rrdatas).equals(Set.copyOf(other.rrdatas))
        && rrdatas.size() == other.rrdatas.size();
  }

  /** The size of the rrdatas in bytes, for the per-change quota. */
  int rrdataBytes() {
    return rrdatas.stream().mapToInt(String::length).sum();
  }

  /**
   * Canonicalises one rrdata as the service stores it, or returns null when it is invalid: host
   * names must be absolute, non-TXT data must not be quoted, TXT is returned quoted.
   */
  static String canonical(String type, String rdata) {
    if (rdata == null || rdata.isBlank()) {
      return null;
    }
    String t = rdata.trim();
    RecordType known;
    try {
      known = RecordType.valueOf(type);
    } catch (IllegalArgumentException e) {
      return t; // SOA and other types: stored as given
    }
    if (known != RecordType.TXT && known != RecordType.CAA && t.contains("\"")) {
      return null;
    }
    if (HOST_TYPES.contains(type) && !t.endsWith(".")) {
      return null;
    }
    if ((known == RecordType.MX || known == RecordType.SRV) && !t.endsWith(".")) {
      return null;
    }
    try {
      return Rdata.normalize(known, t);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Copies with other rrdatas. */
  FakeRrset withRrdatas(List<String> other) {
    return new FakeRrset(name, type, ttl, new ArrayList<>(other));
  }
}
