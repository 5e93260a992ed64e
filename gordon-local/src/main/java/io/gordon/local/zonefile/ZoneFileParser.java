package io.gordon.local.zonefile;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.local.zonefile.ZoneFileLexer.Line;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads the master files gordon writes, and the common subset people write by hand: {@code $ORIGIN}
 * and {@code $TTL}, {@code @}, relative names, blank owners, TTL and class in either order, TTL
 * units ({@code 1h30m}), parentheses and comments. Records of unmanaged types are kept verbatim.
 * {@code $INCLUDE} and {@code $GENERATE} are refused.
 */
final class ZoneFileParser {
  /** The largest TTL (RFC 2181, 8): a larger one read into an int would wrap around. */
  private static final long MAX_TTL = Integer.MAX_VALUE;

  private static final List<String> CLASSES = List.of("IN", "CH", "HS", "CS");

  private final String zone;
  private String origin;
  private long defaultTtl;
  private String owner;
  private ZoneData data;

  /**
   * The managed RRsets read so far, each with its first TTL and its records: put into the zone at
   * the end, once each (adding each record to an RRset kept as text would render it again).
   */
  private final Map<ZoneData.Key, Staged> staged = new LinkedHashMap<>();

  private record Staged(String name, RecordType type, int ttl, List<String> rdata) {}

  private ZoneFileParser(String zone, long defaultTtl) {
    this.zone = zone;
    this.origin = zone;
    this.defaultTtl = defaultTtl;
  }

  /** Parses {@code text} as zone {@code zone}; {@code defaultTtl} applies until a $TTL. */
  static ZoneData parse(String text, String zone, int defaultTtl) {
    ZoneFileParser p = new ZoneFileParser(zone, defaultTtl);
    p.data = new ZoneData(zone, null, defaultTtl);
    for (Line line : ZoneFileLexer.lines(text)) {
      try {
        p.line(line);
      } catch (IllegalArgumentException e) {
        throw new ZoneFileException(line.number(), e.getMessage());
      }
    }
    if (p.data.soa() == null) {
      throw new ZoneFileException(1, "the zone has no SOA record at " + zone);
    }
    for (Staged r : p.staged.values()) {
      p.data.put(new RecordSet(r.name(), r.type(), OptionalInt.of(r.ttl()), r.rdata()));
    }
    return p.data;
  }

  private void line(Line line) {
    List<String> t = line.tokens();
    String first = t.get(0);
    if (!line.blankOwner() && first.startsWith("$")) {
      directive(line.number(), first.toUpperCase(Locale.ROOT), t);
      return;
    }
    int i = 0;
    if (!line.blankOwner()) {
      owner = qualify(first);
      i = 1;
    } else if (owner == null) {
      throw new ZoneFileException(line.number(), "the first record has no owner name");
    }
    long ttl = -1;
    String type = null;
    for (; i < t.size() && type == null; i++) {
      String f = t.get(i);
      if (CLASSES.contains(f.toUpperCase(Locale.ROOT))) {
        // a class (IN): nothing to record
      } else if (isTtl(f)) {
        ttl = ttl(f);
      } else {
        type = f.toUpperCase(Locale.ROOT);
      }
    }
    if (type == null) {
      throw new ZoneFileException(line.number(), "the record has no type");
    }
    if (!RrTypeNames.isType(type)) {
      throw new ZoneFileException(
          line.number(),
          "\""
              + t.get(i - 1)
              + "\" is not a record type (expected a type such as A, AAAA, MX,"
              + " SSHFP, or TYPE<number> for a type without a name)");
    }
    record(owner, ttl < 0 ? defaultTtl : ttl, type, t.subList(i, t.size()), line.number());
  }

  private void directive(int number, String name, List<String> t) {
    if (t.size() < 2) {
      throw new ZoneFileException(number, name + " needs a value");
    }
    switch (name) {
      case "$ORIGIN" -> origin = qualify(t.get(1));
      case "$TTL" -> defaultTtl = ttl(t.get(1));
      default ->
          throw new ZoneFileException(
              number, name + " is not supported (expected" + " $ORIGIN or $TTL)");
    }
  }

  private void record(String name, long ttl, String type, List<String> rdata, int number) {
    if (!ZoneData.inZone(name, zone)) {
      throw new ZoneFileException(number, name + " is outside the zone " + zone);
    }
    if (rdata.isEmpty()) {
      throw new ZoneFileException(number, type + " record at " + name + " has no data");
    }
    if (type.equals("SOA")) {
      soa(name, ttl, rdata, number);
      return;
    }
    RecordType known;
    try {
      known = RecordType.parse(type);
    } catch (IllegalArgumentException e) {
      data.addRaw(new RawRecord(name, ttl, type, String.join(" ", rdata)));
      return;
    }
    String text = rdataText(known, rdata);
    RecordSet one = // checked here, so that an error names its line
        new RecordSet(
            name, known, OptionalInt.of((int) Math.min(ttl, Integer.MAX_VALUE)), List.of(text));
    staged
        .computeIfAbsent(
            new ZoneData.Key(one.name(), known),
            k -> new Staged(one.name(), known, one.ttl().getAsInt(), new ArrayList<>(1)))
        .rdata()
        .add(one.rdata().get(0));
  }

  private void soa(String name, long ttl, List<String> r, int number) {
    if (!name.equals(zone)) {
      throw new ZoneFileException(number, "SOA at " + name + " is not at the zone apex " + zone);
    }
    if (r.size() != 7) {
      throw new ZoneFileException(
          number,
          "SOA has "
              + r.size()
              + " fields (expected mname"
              + " rname serial refresh retry expire minimum)");
    }
    data.soa(
        new Soa(
            ttl,
            qualify(r.get(0)),
            qualify(r.get(1)),
            Long.parseLong(r.get(2)),
            ttl(r.get(3)),
            ttl(r.get(4)),
            ttl(r.get(5)),
            ttl(r.get(6))));
  }

  /** Rdata with relative host names made absolute; TXT words each become a string. */
  private String rdataText(RecordType type, List<String> r) {
    List<String> f = new ArrayList<>(r);
    switch (type) {
      case CNAME, NS, PTR -> f.set(0, qualify(f.get(0)));
      case MX -> f.set(f.size() - 1, qualify(f.get(f.size() - 1)));
      case SRV -> {
        String target = f.get(f.size() - 1);
        f.set(f.size() - 1, target.equals(".") ? "." : qualify(target));
      }
      case TXT -> f.replaceAll(s -> s.startsWith("\"") ? s : "\"" + s + "\"");
      default -> {
        // addresses and CAA need no qualification
      }
    }
    return String.join(" ", f);
  }

  private String qualify(String name) {
    if (name.equals("@")) {
      return origin;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      return n;
    }
    return origin.equals(".") ? n + "." : n + "." + origin;
  }

  /**
   * Whether {@code text} is written as a TTL: runs of digits, each followed by at most one unit (w,
   * d, h, m, s). Read by hand: a regular expression with a repeated group recursed once per unit,
   * and a long enough token in a hand-edited file overflowed the stack.
   */
  static boolean isTtl(String text) {
    if (text.isEmpty() || !isDigit(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isDigit(c) && !(unitSeconds(c) > 0 && isDigit(text.charAt(i - 1)))) {
        return false;
      }
    }
    return true;
  }

  /** Seconds from a TTL such as {@code 300} or {@code 1h30m}, at most {@link #MAX_TTL}. */
  static long ttl(String text) {
    if (!isTtl(text)) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a TTL (expected seconds, or" + " units such as 1h30m)");
    }
    long total = 0;
    long run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isDigit(c)) {
        run = run * 10 + (c - '0');
      } else {
        total += run * unitSeconds(c);
        run = 0;
      }
      if (run > MAX_TTL || total > MAX_TTL) {
        throw tooLarge(text);
      }
    }
    if (total + run > MAX_TTL) {
      throw tooLarge(text);
    }
    return total + run;
  }

  private static IllegalArgumentException tooLarge(String text) {
    return new IllegalArgumentException(
        "\"" + text + "\" is more than " + MAX_TTL + " seconds (the largest TTL, RFC 2181)");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The seconds of TTL unit {@code c}, 0 when it is none. */
  private static long unitSeconds(char c) {
    return switch (Character.toLowerCase(c)) {
      case 'w' -> 604800;
      case 'd' -> 86400;
      case 'h' -> 3600;
      case 'm' -> 60;
      case 's' -> 1;
      default -> 0;
    };
  }
}
