package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.MetricRelay;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * {@link UpdateWire} against the dnsjava path it replaces ({@link ChangePlanner}, {@link
 * UpdateSender#build}, {@code Message.toWire}) as the oracle: for generated change sets, cut into
 * chunks as {@link ZoneBatch} cuts them, every message written straight to the wire parses (with
 * dnsjava) into the same sections, records, TTLs and classes as the old one, and is the same octets
 * (name compression included, also beyond the 16 KiB a pointer reaches); and the wire path takes
 * exactly the changes it claims to handle, leaving the others to the old path.
 */
class UpdateWireTest {
  private static final String ZONE = "example.test.";
  private static final String DEEP_ZONE = "a-long-zone-label.sub.example.test.";
  private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9_*.-]+");
  private static final Pattern PLAIN_TXT = Pattern.compile("\"[ !#-\\[\\]-~]{0,255}\"");

  private static Rfc2136Settings settings(String zone) {
    return new Rfc2136Settings(
        "rfc2136",
        Rfc2136Settings.parseServer("rfc2136", "127.0.0.1:5353"),
        List.of(zone),
        Optional.empty(),
        Duration.ofSeconds(1),
        Rfc2136Settings.TcpMode.AUTO,
        300,
        500,
        4);
  }

  private static List<List<Integer>> chunks(String zone, List<Change> changes) {
    Rfc2136Settings s = settings(zone);
    UpdateSender sender =
        new UpdateSender(
            s,
            new Rfc2136Client(s, Clock.systemUTC()),
            null,
            System.getLogger("test"),
            MetricRelay.noop(),
            null);
    return new ZoneBatch(
            zone,
            changes,
            IntStream.range(0, changes.size()).boxed().toList(),
            s,
            sender,
            (n, t) -> Optional.empty())
        .chunks();
  }

  @Test
  void generatedPlainChangeSetsAreWrittenAsTheOldPathWritesThem() throws IOException {
    int messages = 0;
    int largest = 0;
    for (int seed = 0; seed < 40; seed++) {
      Random random = new Random(seed);
      String zone = seed % 3 == 0 ? DEEP_ZONE : ZONE;
      List<Change> changes = changes(random, zone, 1 + random.nextInt(seed < 8 ? 1_200 : 60), true);
      for (List<Integer> chunk : chunks(zone, changes)) {
        byte[] wire = compare(zone, changes, chunk, "seed " + seed);
        assertThat(wire).as("seed %d: a plain chunk takes the wire path", seed).isNotNull();
        messages++;
        largest = Math.max(largest, wire.length);
      }
    }
    assertThat(messages).isGreaterThan(60);
    assertThat(largest).as("messages reach beyond a pointer's 16 KiB").isGreaterThan(40_000);
  }

  @Test
  void mixedChangeSetsTakeTheWirePathExactlyWhenEveryChangeIsPlain() throws IOException {
    int wire = 0;
    int old = 0;
    for (int seed = 100; seed < 400; seed++) {
      Random random = new Random(seed);
      String zone = seed % 2 == 0 ? DEEP_ZONE : ZONE;
      List<Change> changes = changes(random, zone, 1 + random.nextInt(3), false);
      List<Integer> all = IntStream.range(0, changes.size()).boxed().toList();
      boolean plain = changes.stream().allMatch(c -> plain(c, zone));
      byte[] written = compare(zone, changes, all, "seed " + seed + " " + changes);
      assertThat(written != null).as("seed %d: wire path for %s", seed, changes).isEqualTo(plain);
      if (plain) {
        wire++;
      } else {
        old++;
      }
    }
    assertThat(wire).isGreaterThan(30);
    assertThat(old).isGreaterThan(30);
  }

  /**
   * Compares the two paths for one chunk; returns the wire octets, or null when the wire path does
   * not take the chunk.
   */
  private static byte[] compare(String zone, List<Change> changes, List<Integer> chunk, String what)
      throws IOException {
    Optional<List<WireOp>> ops = WireOps.plan(changes, chunk, zone, 300);
    if (ops.isEmpty()) {
      return null;
    }
    ChangePlanner planner = new ChangePlanner(settings(zone));
    List<Op> old = new ArrayList<>();
    for (int i : chunk) {
      old.add(
          ((ChangePlanner.Planned.Send)
                  planner.plan(i, changes.get(i), zone, Optional.empty(), Optional.empty()))
              .op());
    }
    byte[] expected = UpdateSender.build(zone, old).toWire();
    byte[] actual = UpdateWire.update(zone, ops.get());
    expected[0] = 0;
    expected[1] = 0;
    Message was = new Message(expected);
    Message is = new Message(actual);
    for (int section :
        new int[] {Section.ZONE, Section.PREREQ, Section.UPDATE, Section.ADDITIONAL}) {
      assertThat(records(is, section))
          .as("%s: section %s", what, Section.string(section))
          .containsExactlyElementsOf(records(was, section));
    }
    assertThat(is.getHeader().toString()).isEqualTo(was.getHeader().toString());
    assertThat(actual).as("%s: the octets", what).isEqualTo(expected);
    return actual;
  }

  /** Each record as name, TTL, class, type and rdata, which dnsjava's text holds. */
  private static List<String> records(Message m, int section) {
    return m.getSection(section).stream().map(Record::toString).toList();
  }

  /** The rule of {@link WireOps}, restated: what the wire path must take. */
  private static boolean plain(Change c, String zone) {
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

  private static List<Change> changes(Random random, String zone, int count, boolean plainOnly) {
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

  @Test
  void plainNamesAreLowerCaseLettersDigitsHyphensUnderscoresAndStarsWithinTheLimits() {
    assertThat(WireOps.plainName("a.example.test.")).isTrue();
    assertThat(WireOps.plainName("*._gordon-a-x.example.test.")).isTrue();
    assertThat(WireOps.plainName("l".repeat(63) + ".example.test.")).isTrue();
    assertThat(WireOps.plainName("l".repeat(64) + ".example.test.")).isFalse();
    assertThat(WireOps.plainName("A.example.test.")).isFalse();
    assertThat(WireOps.plainName("a\\.b.example.test.")).isFalse();
    assertThat(WireOps.plainName("a..example.test.")).isFalse();
    assertThat(WireOps.plainName("a.example.test")).isFalse();
    String longest =
        String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61)) + ".";
    assertThat(longest.length() + 1).isEqualTo(255);
    assertThat(WireOps.plainName(longest)).isTrue();
    assertThat(WireOps.plainName("e" + longest)).isFalse();
    assertThat(Arrays.asList(WireOps.plainName("."), WireOps.plainName(""))).containsOnly(false);
  }
}
