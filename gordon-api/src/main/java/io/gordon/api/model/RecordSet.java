package io.gordon.api.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An RRset, or part of one: a name, a type, an optional TTL and rdata in canonical form.
 *
 * <p>The name is normalised to lower case with a trailing dot, and every rdata is parsed for its
 * type and normalised (see {@link Rdata}); duplicates are removed, keeping the first. Rdata may be
 * empty only where a {@link Change.Remove} means the whole RRset. An absent TTL means the
 * provider's {@code default_ttl}.
 *
 * @param name absolute, lower-case owner name
 * @param type the record type
 * @param ttl TTL in seconds (0 to 2147483647), or empty for the provider default
 * @param rdata canonical rdata strings, without duplicates
 */
public record RecordSet(String name, RecordType type, OptionalInt ttl, List<String> rdata) {
  /** Largest TTL RFC 2181 allows. */
  public static final int MAX_TTL = Integer.MAX_VALUE;

  /**
   * Most octets the records of one RRset may take on the wire, counted by {@link #wireOctets}. A
   * DNS message holds at most 65,535 octets, and a server sends an RRset whole in one (an answer, a
   * zone transfer: BIND does not even load a zone file holding a larger one); the rest is room for
   * an UPDATE's header, prerequisites, owner marker and TSIG signature.
   */
  public static final int MAX_WIRE_OCTETS = 63_000;

  /** Validates and normalises every field; see the class description. */
  public RecordSet {
    name = DnsNames.normalize(name);
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(ttl, "ttl == null");
    if (ttl.isPresent() && ttl.getAsInt() < 0) {
      throw new IllegalArgumentException(
          "ttl must be 0.." + MAX_TTL + " but was " + ttl.getAsInt());
    }
    Objects.requireNonNull(rdata, "rdata == null");
    if (rdata.size() == 1) { // most sets: no duplicates to drop, so no set to make per event
      rdata = List.of(Rdata.normalize(type, rdata.get(0)));
    } else {
      LinkedHashSet<String> seen = new LinkedHashSet<>();
      for (String r : rdata) {
        seen.add(Rdata.normalize(type, r));
      }
      rdata = List.copyOf(seen);
    }
  }

  /** A record set with the given TTL and rdata. */
  public static RecordSet of(String name, RecordType type, int ttl, String... rdata) {
    return new RecordSet(name, type, OptionalInt.of(ttl), List.of(rdata));
  }

  /** A record set without TTL (the provider default applies). */
  public static RecordSet of(String name, RecordType type, List<String> rdata) {
    return new RecordSet(name, type, OptionalInt.empty(), rdata);
  }

  /** The TTL, or {@code fallback} when none was given. */
  public int ttlOr(int fallback) {
    return ttl.orElse(fallback);
  }

  /** A copy with {@code ttl} set. */
  public RecordSet withTtl(int ttl) {
    return new RecordSet(name, type, OptionalInt.of(ttl), rdata);
  }

  /** A copy with other rdata. */
  public RecordSet withRdata(List<String> other) {
    return new RecordSet(name, type, ttl, other);
  }

  /** The rdata of this set that are not in {@code other}, in order. */
  public List<String> rdataNotIn(RecordSet other) {
    List<String> out = new ArrayList<>(rdata);
    out.removeAll(other.rdata);
    return out;
  }

  /**
   * The octets of this RRset's records in a DNS message: per record 12 (its owner name compressed
   * to a pointer, type, class, TTL, rdata length) and its rdata.
   */
  public int wireOctets() {
    int octets = 0;
    for (String r : rdata) {
      octets += 12 + Rdata.wireLength(type, r);
    }
    return octets;
  }

  /**
   * This RRset, when its records fit in one DNS message ({@link #MAX_WIRE_OCTETS}). Events are
   * checked ({@link DnsEvent}); an RRset read from a server is not: it holds what it holds.
   *
   * @throws IllegalArgumentException naming the RRset, its size and the limit
   */
  public RecordSet checkWireSize() {
    int bound = 0; // presentation text is never shorter than the wire form, bar one octet
    for (String r : rdata) {
      bound += 13 + r.length() + (type == RecordType.AAAA ? 16 : 0);
    }
    if (bound <= MAX_WIRE_OCTETS || wireOctets() <= MAX_WIRE_OCTETS) {
      return this;
    }
    throw new IllegalArgumentException(
        "record set "
            + key()
            + " takes "
            + wireOctets()
            + " octets on the wire in "
            + rdata.size()
            + " records (expected at most "
            + MAX_WIRE_OCTETS
            + ": a DNS message holds 65535 octets, and servers send an RRset whole in one)");
  }

  /** {@code name/type}, the key that orders changes to one RRset. */
  public String key() {
    return name + "/" + type;
  }
}
