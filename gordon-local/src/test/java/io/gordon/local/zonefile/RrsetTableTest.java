package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The open-addressing table finds exactly what a plain map of (name, type) holds, through growth,
 * removals that shift probe sequences back (wrapping around the table's end) and names whose hashes
 * collide.
 */
class RrsetTableTest {
  /**
   * Names built from "an" and "c0", which have the same {@link String#hashCode} (97 * 31 + 110 = 99
   * * 31 + 48) and are already normal names: all of them collide.
   */
  private static List<String> collidingNames(int pairs) {
    List<String> out = new ArrayList<>();
    for (int bits = 0; bits < 1 << pairs; bits++) {
      StringBuilder sb = new StringBuilder();
      for (int p = 0; p < pairs; p++) {
        sb.append((bits >> p & 1) == 0 ? "an" : "c0");
      }
      out.add(sb.append(".example.com.").toString());
    }
    return out;
  }

  private static Rrset rrset(String name, RecordType type, int i) {
    String rdata = type == RecordType.A ? "10.0.0." + (i & 255) : "\"t " + i + "\"";
    return new Rrset(RecordSet.of(name, type, 300, rdata), 300);
  }

  @Test
  void collidingNamesAreAllFoundAndEachHasOnlyItsOwnTypes() {
    List<String> names = collidingNames(5);
    assertThat(names.stream().map(String::hashCode).distinct()).hasSize(1);
    RrsetTable t = new RrsetTable();
    Map<String, Rrset> model = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Rrset a = rrset(names.get(i), RecordType.A, i);
      t.add(a);
      model.put(names.get(i) + " A", a);
      if (i % 2 == 0) {
        Rrset txt = rrset(names.get(i), RecordType.TXT, i);
        t.add(txt);
        model.put(names.get(i) + " TXT", txt);
      }
    }
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      assertThat(t.get(n, RecordType.A)).isSameAs(model.get(n + " A"));
      assertThat(t.get(n, RecordType.TXT)).isSameAs(model.get(n + " TXT"));
      assertThat(t.get(n, RecordType.AAAA)).isNull();
      assertThat(t.types(n)).isEqualTo(bit(RecordType.A) | (i % 2 == 0 ? bit(RecordType.TXT) : 0));
    }
    assertThat(t.size()).isEqualTo(model.size());
  }

  @Test
  void randomAddsAndRemovesAgreeWithAPlainMap() {
    Random random = new Random(23);
    List<String> names = new ArrayList<>(collidingNames(4)); // 16 that collide ...
    for (int i = 0; i < 300; i++) {
      names.add("h" + i + ".example.com."); // ... and 300 that mostly do not
    }
    RecordType[] types = {RecordType.A, RecordType.AAAA, RecordType.TXT};
    RrsetTable t = new RrsetTable();
    Map<String, Rrset> model = new HashMap<>();
    for (int step = 0; step < 40_000; step++) {
      String n = names.get(random.nextInt(names.size()));
      RecordType type = types[random.nextInt(types.length)];
      String key = n + " " + type;
      Rrset there = t.get(n, type);
      assertThat(there).as("step %d, %s", step, key).isSameAs(model.get(key));
      if (there == null) {
        Rrset s =
            new Rrset(
                RecordSet.of(
                    n,
                    type,
                    300,
                    switch (type) {
                      case A -> "10.0.0.1";
                      case AAAA -> "2001:db8::1";
                      default -> "\"x\"";
                    }),
                300);
        t.add(s);
        model.put(key, s);
      } else if (random.nextInt(3) > 0) {
        assertThat(t.remove(there)).isTrue();
        assertThat(t.remove(there)).isFalse();
        model.remove(key);
      }
      assertThat(t.size()).isEqualTo(model.size());
    }
    for (String n : names) {
      int bits = 0;
      for (RecordType type : types) {
        assertThat(t.get(n, type)).isSameAs(model.get(n + " " + type));
        bits |= model.containsKey(n + " " + type) ? bit(type) : 0;
      }
      assertThat(t.types(n)).as(n).isEqualTo(bits);
    }
  }

  @Test
  void renumberingOnAFullStoreKeepsEveryLiveRrsetAndForgetsTheRemovedOnes() {
    RrsetTable t = new RrsetTable();
    List<Rrset> live = new ArrayList<>();
    List<Rrset> removed = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Rrset s = rrset("r" + i + ".example.com.", RecordType.A, i);
      t.add(s);
      live.add(s);
    }
    for (int i = 0; i < 100; i += 2) {
      Rrset s = live.get(i);
      assertThat(t.remove(s)).isTrue();
      removed.add(s);
    }
    live.removeAll(removed);
    // 300 more adds fill the store several times over: each fill numbers the live RRsets again.
    for (int i = 100; i < 400; i++) {
      Rrset s = rrset("r" + i + ".example.com.", RecordType.A, i);
      t.add(s);
      live.add(s);
    }

    for (Rrset s : removed) {
      assertThat(t.remove(s)).isFalse(); // its old number now belongs to another RRset
      assertThat(t.get(s.name(), RecordType.A)).isNull();
    }
    for (Rrset s : live) {
      assertThat(t.get(s.name(), RecordType.A)).isSameAs(s);
    }
    assertThat(live.stream().map(s -> s.number).distinct()).hasSize(live.size());
    assertThat(t.size()).isEqualTo(350);
  }

  @SuppressWarnings("EnumOrdinal")
  private static int bit(RecordType type) {
    return 1 << type.ordinal();
  }
}
