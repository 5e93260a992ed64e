package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An RRset kept as its text reads back as the record set it was made from, and sorts as names do.
 */
class RrsetTest {
  @Test
  void recordSetsReadBackFromTheirTextUnchanged() {
    List<RecordSet> sets =
        List.of(
            RecordSet.of("a.example.com.", RecordType.A, 300, "10.0.0.1", "10.0.0.2"),
            RecordSet.of("t.example.com.", RecordType.TXT, 60, "\"two words\"", "\"caf\u00e9\""),
            RecordSet.of("m.example.com.", RecordType.MX, 0, "10 mail.example.com."),
            RecordSet.of("s.example.com.", RecordType.SRV, 3600, "1 2 443 host.example.com."),
            RecordSet.of("x.example.com.", RecordType.A, List.of("192.0.2.1")));
    for (RecordSet s : sets) {
      Rrset r = new Rrset(s, 300);

      assertThat(r.set(s.name())).isEqualTo(s);
      assertThat(r.set(null)).isEqualTo(s);
      assertThat(r.named(s.name())).isTrue();
      assertThat(r.named("b" + s.name().substring(1))).isFalse();
      assertThat(r.holds(s, 300)).isTrue();
    }
  }

  @Test
  void anRrsetWithoutATtlIsWrittenWithTheDefaultAndReadBackWithout() {
    RecordSet s = RecordSet.of("x.example.com.", RecordType.A, List.of("192.0.2.1"));
    Rrset r = new Rrset(s, 123);

    assertThat(new String(r.text(), r.offset, r.length, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("x.example.com. 123 IN A 192.0.2.1\n");
    assertThat(r.set(null).ttl()).isEqualTo(OptionalInt.empty());
    assertThat(r.holds(s.withTtl(123), 123)).isFalse();
  }

  @Test
  void aReplacementIsHeldOnlyWithTheSameTtlAndRecordsInTheSameOrder() {
    RecordSet s = RecordSet.of("a.example.com.", RecordType.A, 300, "10.0.0.1", "10.0.0.2");
    Rrset r = new Rrset(s, 300);

    assertThat(r.holds(s.withTtl(60), 300)).isFalse();
    assertThat(r.holds(s.withRdata(List.of("10.0.0.2", "10.0.0.1")), 300)).isFalse();
    r.replace(s.withRdata(List.of("10.0.0.3")), 300);
    assertThat(r.set(null)).isEqualTo(s.withRdata(List.of("10.0.0.3")));
  }

  @Test
  void randomNamesSortAsTheCanonicalOrderOfNamesThenTypes() {
    Random random = new Random(5);
    String[] labels = {"a", "b", "ab", "a-b", "z", "0", "*", "aa", "ba"};
    List<Rrset> sets = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder name = new StringBuilder();
      for (int l = random.nextInt(3); l >= 0; l--) {
        name.append(labels[random.nextInt(labels.length)]).append('.');
      }
      String n = name.toString().replace("*.", "") + "example.com.";
      RecordType type = random.nextBoolean() ? RecordType.A : RecordType.TXT;
      sets.add(
          new Rrset(RecordSet.of(n, type, 300, type == RecordType.A ? "10.0.0.1" : "\"t\""), 300));
    }
    for (Rrset a : sets) {
      for (Rrset b : sets) {
        int names = Integer.signum(ZoneData.compareCanonical(a.name(), b.name()));
        int expected = names != 0 ? names : Integer.signum(a.type.compareTo(b.type));
        assertThat(Integer.signum(Rrset.compare(a, b)))
            .as("%s %s vs %s %s", a.name(), a.type, b.name(), b.type)
            .isEqualTo(expected);
      }
    }
  }
}
