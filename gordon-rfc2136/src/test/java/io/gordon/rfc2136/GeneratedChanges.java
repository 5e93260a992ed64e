package io.gordon.rfc2136;

import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Seeded change sets for {@link UpdateWireTest}: claimed and unclaimed replacements and removals of
 * every type, names of 1-4 labels below the zone with labels up to 63 and names up to 253
 * characters, wildcards and {@code xn--} labels, TXT with quotes, escapes and several strings.
 */
final class GeneratedChanges {
  private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9_*.-]+");
  private static final Pattern PLAIN_TXT = Pattern.compile("\"[ !#-\\[\\]-~]{0,255}\"");

  private GeneratedChanges() {}

  /** The rule of {@link WireOps}, restated: what the wire path must take. */
  static boolean plain(Change c, String zone) {
    if (!(c instanceof Change.Replace) || c.ownership().isEmpty()) {
      return false;
    }
    List<String> rdata = new ArrayList<>(c.records().rdata());
    c.expected().ifPresent(rdata::addAll);
    boolean rdataPlain =
        switch (c.type()) {
          case A -> true;
          case AAAA -> rdata.stream().noneMatch(r -> r.startsWith("::ffff:"));
          case TXT -> rdata.stream().allMatch(r -> PLAIN_TXT.matcher(r).matches());
          default -> false;
        };
    return rdataPlain && PLAIN_NAME.matcher(c.name()).matches() && hasMarkerName(c, zone);
  }

  /**
   * Whether the change's marker has a name (not so for names too long to take the prefix) and a TXT
   * string of at most 255 octets (not so for long names with long owner ids: the old path refuses
   * those too, "cannot be encoded").
   */
  private static boolean hasMarkerName(Change c, String zone) {
    try {
      OwnerMarker.nameFor(c.name(), c.type(), zone);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String owner = c.ownership().orElseThrow().ownerId();
    return new OwnerMarker(owner, c.name(), c.type()).content().length() <= 255;
  }

  static List<Change> changes(Random random, String zone, int count, boolean plainOnly) {
    List<Change> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int attempts = 0;
    while (out.size() < count && attempts++ < count * 20) {
      Optional<Change> c = change(random, zone, plainOnly);
      if (c.isPresent() && names.add(c.get().name())) {
        out.add(c.get());
      }
    }
    return out;
  }

  /** A generated change, or empty when gordon's model refuses what was generated. */
  private static Optional<Change> change(Random random, String zone, boolean plainOnly) {
    RecordType type =
        plainOnly || random.nextInt(3) > 0
            ? List.of(RecordType.A, RecordType.A, RecordType.AAAA, RecordType.TXT)
                .get(random.nextInt(4))
            : RecordType.values()[random.nextInt(RecordType.values().length)];
    try {
      List<String> rdata = rdata(random, type, plainOnly, 1 + random.nextInt(3));
      OptionalInt ttl =
          switch (random.nextInt(5)) {
            case 0 -> OptionalInt.empty();
            case 1 -> OptionalInt.of(0);
            case 2 -> OptionalInt.of(Integer.MAX_VALUE);
            default -> OptionalInt.of(1 + random.nextInt(86_400));
          };
      RecordSet records = new RecordSet(name(random, zone), type, ttl, rdata);
      Optional<List<String>> expected =
          switch (random.nextInt(6)) {
            case 0 -> Optional.of(List.of());
            case 1 -> Optional.of(rdata(random, type, plainOnly, 1 + random.nextInt(2)));
            default -> Optional.empty();
          };
      if (!plainOnly && random.nextInt(8) == 0) {
        return Optional.of(new Change.Remove(records, expected).withOwnership(claim(random)));
      }
      Change.Replace replace = new Change.Replace(records, expected);
      Change c =
          !plainOnly && random.nextInt(8) == 0 ? replace : replace.withOwnership(claim(random));
      return plainOnly && !plain(c, zone) ? Optional.empty() : Optional.of(c);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Ownership claim(Random random) {
    String owner =
        switch (random.nextInt(4)) {
          case 0 -> "o".repeat(63);
          case 1 -> "team-b.prod_1";
          default -> "gordon";
        };
    return new Ownership(owner, random.nextInt(4) == 0);
  }

  /** Names of 1-4 labels below the zone, some with labels of 63 or near 253 characters. */
  private static String name(Random random, String zone) {
    StringBuilder sb = new StringBuilder();
    int labels = 1 + random.nextInt(4);
    for (int i = 0; i < labels; i++) {
      int length =
          switch (random.nextInt(10)) {
            case 0 -> 63;
            case 1 -> 40 + random.nextInt(24);
            default -> 1 + random.nextInt(12);
          };
      if (i == 0 && random.nextInt(30) == 0) {
        sb.append("*.");
        continue;
      }
      sb.append(label(random, length)).append('.');
    }
    if (random.nextInt(20) == 0) {
      sb.insert(0, "xn--bcher-kva.");
    }
    while (random.nextInt(12) == 0 && sb.length() + zone.length() < 190) {
      sb.insert(0, label(random, 63) + ".");
    }
    String name = sb + zone;
    return name.length() > 253
        ? name.substring(name.length() - 253 + 1).replaceFirst("^[-.]+", "a")
        : name;
  }

  private static String label(Random random, int length) {
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789-_";
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = chars.charAt(random.nextInt(i == 0 || i == length - 1 ? 36 : chars.length()));
    }
    return new String(c);
  }

  private static List<String> rdata(Random random, RecordType type, boolean plainOnly, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(rdata(random, type, plainOnly));
    }
    return out.stream().distinct().toList();
  }

  private static String rdata(Random random, RecordType type, boolean plainOnly) {
    int pick = random.nextInt(plainOnly ? 3 : 4);
    return switch (type) {
      case A -> random.nextInt(256) + "." + random.nextInt(256) + ".0." + random.nextInt(256);
      case AAAA ->
          switch (pick) {
            case 0 -> "2001:db8::" + Integer.toHexString(random.nextInt(65_536));
            case 1 -> "fe80::1:2:3:" + Integer.toHexString(random.nextInt(65_536));
            case 2 -> "2001:db8:1:2:3:4:5:" + Integer.toHexString(random.nextInt(65_536));
            default -> "::ffff:192.0.2." + random.nextInt(256);
          };
      case TXT ->
          switch (pick) {
            case 0 -> "\"v=spf1 -all " + random.nextInt(1000) + "\"";
            case 1 -> "\"" + "x".repeat(random.nextInt(256)) + "\"";
            case 2 -> "\"\"";
            default ->
                random.nextBoolean()
                    ? "\"say \\\"hi\\\" \\\\ " + random.nextInt(10) + "\""
                    : "\"caf\\195\\169\" \"second " + random.nextInt(10) + "\"";
          };
      case CNAME, NS, PTR -> "target" + random.nextInt(100) + ".example.test.";
      case MX -> random.nextInt(50) + " mail" + random.nextInt(10) + ".example.test.";
      case SRV -> "10 5 " + random.nextInt(65_536) + " sip" + random.nextInt(10) + ".example.test.";
      case CAA -> "0 issue \"ca" + random.nextInt(10) + ".example.net\"";
    };
  }
}
