package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Change;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.MetricRelay;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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
      List<Change> changes =
          GeneratedChanges.changes(random, zone, 1 + random.nextInt(seed < 8 ? 1_200 : 60), true);
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

  /**
   * The core's common case, short new names, packs a name's first label every few dozen octets, so
   * that over the seeds some label starts at each offset around the 16 KiB a pointer reaches.
   */
  @Test
  void manySmallChangesAreCompressedAsDnsjavaDoesAroundThePointerReach() throws IOException {
    int messages = 0;
    for (int s = 0; s < 56; s++) {
      int seed = s;
      Random random = new Random(seed);
      String prefix = "h".repeat(1 + seed) + "-";
      List<Change> changes =
          IntStream.range(0, 400)
              .mapToObj(
                  i ->
                      (Change)
                          new Change.Replace(
                                  RecordSet.of(
                                      prefix + i + (seed % 4 == 0 ? ".sub." : ".") + ZONE,
                                      seed % 3 == 0 ? RecordType.AAAA : RecordType.A,
                                      300,
                                      seed % 3 == 0
                                          ? "2001:db8::" + i
                                          : "10.0." + i / 256 + "." + i % 256))
                              .withOwnership(new Ownership("gordon", random.nextInt(5) == 0)))
              .toList();
      for (List<Integer> chunk : chunks(ZONE, changes)) {
        assertThat(compare(ZONE, changes, chunk, "seed " + seed)).isNotNull();
        messages++;
      }
    }
    assertThat(messages).isGreaterThan(56);
  }

  @Test
  void mixedChangeSetsTakeTheWirePathExactlyWhenEveryChangeIsPlain() throws IOException {
    int wire = 0;
    int old = 0;
    for (int seed = 100; seed < 400; seed++) {
      Random random = new Random(seed);
      String zone = seed % 2 == 0 ? DEEP_ZONE : ZONE;
      List<Change> changes = GeneratedChanges.changes(random, zone, 1 + random.nextInt(3), false);
      List<Integer> all = IntStream.range(0, changes.size()).boxed().toList();
      boolean plain = changes.stream().allMatch(c -> GeneratedChanges.plain(c, zone));
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
