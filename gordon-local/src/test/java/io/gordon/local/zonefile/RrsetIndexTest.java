package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The hash index a batch works on and the ordered map the file is written from always agree: the
 * ordered map, which catches up only when read, holds exactly the RRsets a plain sorted map would.
 */
class RrsetIndexTest {
  /** The model: RRsets by (name in canonical order, type), kept without any index. */
  private static TreeMap<String, RecordSet> model() {
    return new TreeMap<>(
        Comparator.comparing((String k) -> k.substring(0, k.indexOf(' ')), ZoneData.CANONICAL)
            .thenComparing(k -> RecordType.valueOf(k.substring(k.indexOf(' ') + 1))));
  }

  private static String key(String name, RecordType type) {
    return name + " " + type;
  }

  @Test
  void randomBatchesLeaveTheOrderedRrsetsAndTheTextExactlyAsASortedMapHasThem() {
    ZoneData z = TextRunsTest.zone();
    TreeMap<String, RecordSet> model = model();
    Random random = new Random(7);
    for (int round = 0; round < 80; round++) {
      for (int k = 0; k < 150; k++) {
        int i = random.nextInt(3_000);
        RecordType type = random.nextBoolean() ? RecordType.A : RecordType.TXT;
        String name = "h" + i + ".example.com.";
        z.prefetch(
            new String[] {
              name
            }); // as a batch's first pass does: whatever the text's state, no change
        switch (random.nextInt(3)) {
          case 0, 1 -> {
            RecordSet s =
                type == RecordType.A
                    ? RecordSet.of(name, type, 300, "10.1." + (round & 255) + "." + (k & 255))
                    : RecordSet.of(name, type, 300, "\"r" + round + "\"");
            z.put(s);
            model.put(key(name, type), s);
          }
          default -> {
            z.remove(name, type);
            model.remove(key(name, type));
          }
        }
        assertThat(z.get(name, type)).isEqualTo(Optional.ofNullable(model.get(key(name, type))));
        assertThat(z.typesAt(name))
            .isEqualTo(
                Arrays.stream(RecordType.values())
                    .filter(t -> model.containsKey(key(name, t)))
                    .map(RecordType::name)
                    .toList());
      }
      if (round % 3 != 2) { // some rounds read the order, others let the changes pile up
        assertThat(z.sets()).as("round %d", round).containsExactlyElementsOf(model.values());
        assertThat(TextRunsTest.text(z)).isEqualTo(TextRunsTest.expected(z));
      }
      assertThat(z.size()).isEqualTo(model.size());
    }
  }

  @Test
  void prefetchReadsTheHomeSlotAndTheFirstByteOfTheTextOfEachName() {
    RrsetIndex index = new RrsetIndex(300);
    index.prefetch(new String[] {"absent.example.com."});
    assertThat(index.touched()).isZero();
    index.put(TextRunsTest.a(1));

    index.prefetch(new String[] {"h1.example.com."}); // its text in the arena
    assertThat(index.touched()).isEqualTo((1L << 32) + 'h');
    index.texts(); // now in its run's array
    index.prefetch(new String[] {"h1.example.com.", "h1.example.com."});
    assertThat(index.touched()).isEqualTo(3 * ((1L << 32) + 'h'));
    assertThat(index.get("h1.example.com.", RecordType.A)).isEqualTo(TextRunsTest.a(1));
  }

  @Test
  void anRrsetRemovedAndAddedAgainBeforeTheOrderCatchesUpIsThereWithItsNewRecords() {
    ZoneData z = TextRunsTest.zone();
    z.put(TextRunsTest.a(1));
    z.put(TextRunsTest.a(2));
    assertThat(z.sets()).hasSize(2);
    z.remove("h1.example.com.", RecordType.A);
    RecordSet again = TextRunsTest.a(1).withRdata(List.of("192.0.2.9"));
    z.put(again);
    z.put(TextRunsTest.a(3));
    z.remove("h3.example.com.", RecordType.A);

    assertThat(z.sets()).containsExactly(again, TextRunsTest.a(2));
    assertThat(TextRunsTest.text(z))
        .isEqualTo("h1.example.com. 300 IN A 192.0.2.9\n" + "h2.example.com. 300 IN A 10.0.0.2\n");
  }

  @Test
  void aReplacedRrsetIsWrittenWithItsNewRecordsInItsPlace() {
    ZoneData z = TextRunsTest.zone();
    for (int i = 0; i < 3; i++) {
      z.put(TextRunsTest.a(i));
    }
    TextRunsTest.text(z);
    z.put(TextRunsTest.a(1).withRdata(List.of("192.0.2.1", "192.0.2.2")));

    assertThat(TextRunsTest.text(z))
        .isEqualTo(
            "h0.example.com. 300 IN A 10.0.0.0\n"
                + "h1.example.com. 300 IN A 192.0.2.1\n"
                + "h1.example.com. 300 IN A 192.0.2.2\n"
                + "h2.example.com. 300 IN A 10.0.0.2\n");
  }

  @Test
  void typesAtANameComeFromTheIndexWhateverTheOrderedMapHoldsYet() {
    ZoneData z = TextRunsTest.zone();
    z.put(RecordSet.of("x.example.com.", RecordType.TXT, 300, "\"t\""));
    z.put(RecordSet.of("x.example.com.", RecordType.A, 300, "10.0.0.1"));
    z.put(RecordSet.of("xa.example.com.", RecordType.A, 300, "10.0.0.2"));
    List<String> before = new ArrayList<>(z.typesAt("x.example.com."));
    z.remove("x.example.com.", RecordType.TXT);

    assertThat(before).containsExactly("A", "TXT");
    assertThat(z.typesAt("x.example.com.")).containsExactly("A");
  }

  @Test
  void moreWaitingChangesThanTheCatchUpBoundLeaveTheOrderAndTheTextExact() {
    ZoneData z = TextRunsTest.zone();
    TreeMap<String, RecordSet> model = model();
    for (int i = 0; i < 3 * 4096; i++) { // added, then every third removed again
      z.put(TextRunsTest.a(i));
      model.put(key("h" + i + ".example.com.", RecordType.A), TextRunsTest.a(i));
      if (i % 3 == 2) {
        z.remove("h" + (i - 1) + ".example.com.", RecordType.A);
        model.remove(key("h" + (i - 1) + ".example.com.", RecordType.A));
      }
    }
    assertThat(TextRunsTest.text(z)).isEqualTo(TextRunsTest.expected(z));
    for (int i = 0; i < 3 * 4096; i += 2) { // replaced, removed, added again
      z.remove("h" + i + ".example.com.", RecordType.A);
      RecordSet again = TextRunsTest.a(i).withRdata(List.of("192.0.2." + (i & 255)));
      z.put(again);
      model.put(key("h" + i + ".example.com.", RecordType.A), again);
    }

    assertThat(z.sets()).containsExactlyElementsOf(model.values());
    assertThat(TextRunsTest.text(z)).isEqualTo(TextRunsTest.expected(z));
  }

  @Test
  void anRrsetReadThenRemovedIsGoneAndAnotherReadAfterwardsIsFound() {
    ZoneData z = TextRunsTest.zone();
    z.put(TextRunsTest.a(1));
    z.put(TextRunsTest.a(2));
    assertThat(z.get("h1.example.com.", RecordType.A)).contains(TextRunsTest.a(1));
    z.remove("h1.example.com.", RecordType.A);

    assertThat(z.get("h1.example.com.", RecordType.A)).isEmpty();
    assertThat(z.has("h1.example.com.", RecordType.A)).isFalse();
    assertThat(z.get("h2.example.com.", RecordType.A)).contains(TextRunsTest.a(2));
    assertThat(z.get("h1.example.com.", RecordType.AAAA)).isEmpty();
  }

  @Test
  void theApexNameServersFollowTheApexNsRrsetWhenItChanges() {
    ZoneData z = TextRunsTest.zone();
    assertThat(z.apexNsTargets()).isEmpty();
    z.put(
        RecordSet.of("example.com.", RecordType.NS, 300, "ns1.example.com.", "ns.elsewhere.net."));
    assertThat(z.apexNsTargets()).containsExactly("ns1.example.com.");
    z.put(RecordSet.of("example.com.", RecordType.NS, 300, "ns2.example.com."));
    assertThat(z.apexNsTargets()).containsExactly("ns2.example.com.");
    z.put(RecordSet.of("sub.example.com.", RecordType.NS, 300, "ns3.example.com."));
    assertThat(z.apexNsTargets()).containsExactly("ns2.example.com.");
    z.remove("example.com.", RecordType.NS);

    assertThat(z.apexNsTargets()).isEmpty();
  }
}
