package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cached runs of zone text always read as every RRset's lines, in canonical order. */
class TextRunsTest {
  static final int TTL = 300;

  static ZoneData zone() {
    return new ZoneData(
        "example.com.",
        new Soa(3600, "ns1.example.com.", "hostmaster.example.com.", 1, 3600, 600, 604800, 300),
        TTL);
  }

  static RecordSet a(int i) {
    return RecordSet.of(
        "h" + i + ".example.com.", RecordType.A, TTL, "10.0." + (i >> 8 & 255) + "." + (i & 255));
  }

  /** What the text must be: each RRset's lines in the map's order, rendered afresh. */
  static String expected(ZoneData z) {
    StringBuilder sb = new StringBuilder();
    for (RecordSet s : z.sets()) {
      for (String rdata : s.rdata()) {
        ZoneFileWriter.line(sb, s.name(), s.ttlOr(TTL), s.type().name(), rdata);
      }
    }
    return sb.toString();
  }

  static String text(ZoneData z) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    z.texts().forEach(b -> out.write(b.array(), b.arrayOffset() + b.position(), b.remaining()));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rrsetsSortExactlyAsCanonicalNameOrderDoes() {
    List<String> names =
        List.of(
            "example.com.",
            "a.example.com.",
            "z.example.com.",
            "h1.example.com.",
            "h10.example.com.",
            "h1.h1.example.com.",
            "yljkjljk.a.example.com.",
            "*.z.example.com.",
            "zabc.a.example.com.",
            "example.co.",
            "examplea.com.",
            "com.",
            ".",
            "a-b.example.com.",
            "a.b.c.example.com.",
            "b.example.com.",
            "0.example.com.");
    for (String a : names) {
      for (String b : names) {
        int byKey =
            Integer.signum(
                Rrset.compare(
                    new Rrset(RecordSet.of(a, RecordType.A, TTL, "10.0.0.1"), TTL),
                    new Rrset(RecordSet.of(b, RecordType.A, TTL, "10.0.0.1"), TTL)));
        assertThat(byKey)
            .as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(ZoneData.compareCanonical(a, b)));
      }
    }
  }

  @Test
  void aLargeZoneIsCutIntoRunsThatReadAsTheWholeZone() {
    ZoneData z = zone();
    for (int i = 0; i < 5_000; i++) {
      z.put(a(i));
    }
    assertThat(text(z)).isEqualTo(expected(z));
    assertThat(z.runs()).isGreaterThan(5_000 / (2 * TextRuns.RUN));
  }

  @Test
  void randomAdditionsReplacementsAndRemovalsKeepTheTextExact() {
    ZoneData z = zone();
    Random random = new Random(11);
    for (int round = 0; round < 60; round++) {
      for (int k = 0; k < 100; k++) {
        int i = random.nextInt(8_000);
        switch (random.nextInt(3)) {
          case 0 -> z.put(a(i));
          case 1 -> z.put(a(i).withRdata(List.of("192.0.2." + round)));
          default -> z.remove("h" + i + ".example.com.", RecordType.A);
        }
      }
      assertThat(text(z)).as("round %d", round).isEqualTo(expected(z));
    }
  }

  @Test
  void removingEveryRecordOfARunDropsTheRunAndKeepsTheRest() {
    ZoneData z = zone();
    for (int i = 0; i < 2_000; i++) {
      z.put(a(i));
    }
    text(z);
    int before = z.runs();
    for (int i = 0; i < 2_000; i += 2) {
      z.remove("h" + i + ".example.com.", RecordType.A);
    }
    for (int i = 1; i < 1_000; i += 2) {
      z.remove("h" + i + ".example.com.", RecordType.A);
    }
    assertThat(text(z)).isEqualTo(expected(z));
    assertThat(z.runs()).isLessThan(before);
  }
}
