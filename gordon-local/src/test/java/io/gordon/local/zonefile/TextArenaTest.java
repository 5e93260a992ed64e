package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Changed RRsets' text kept in reused chunks until their runs render. */
class TextArenaTest {
  static final int TTL = 300;

  static RecordSet a(String label, String address) {
    return RecordSet.of(label + ".example.com.", RecordType.A, TTL, address);
  }

  static Rrset rrset(RecordSet set, TextArena arena) {
    return new Rrset(set, Rrset.lines(set, TTL), arena);
  }

  static String text(List<ByteBuffer> runs) {
    return ZoneFileInput.text(runs);
  }

  @Test
  void aChangedRrsetIsReadFromItsChunkUntilItsRunRendersThenTheChunkIsReused() {
    TextArena arena = new TextArena();
    TextRuns runs = new TextRuns(arena);
    Rrset one = rrset(a("one", "192.0.2.1"), arena);
    Rrset two = rrset(a("two", "192.0.2.2"), arena);
    runs.added(one);
    runs.added(two);
    assertThat(one.chunk).isZero();
    assertThat(arena.chunks()).isEqualTo(1);
    byte[] chunk = arena.chunk(0);

    assertThat(text(runs.texts()))
        .isEqualTo("one.example.com. 300 IN A 192.0.2.1\ntwo.example.com. 300 IN A 192.0.2.2\n");
    assertThat(arena.chunks()).isZero();
    assertThat(one.chunk).isEqualTo(-1);

    one.replace(a("one", "192.0.2.9"), Rrset.lines(a("one", "192.0.2.9"), TTL));
    TextRuns.changed(one);

    assertThat(arena.chunk(0)).isSameAs(chunk); // reused: the first text was copied out of it
    assertThat(one.set(null)).isEqualTo(a("one", "192.0.2.9"));
    assertThat(two.set(null)).isEqualTo(a("two", "192.0.2.2"));
    assertThat(text(runs.texts()))
        .isEqualTo("one.example.com. 300 IN A 192.0.2.9\ntwo.example.com. 300 IN A 192.0.2.2\n");
  }

  @Test
  void anUnchangedRrsetReadsTheArrayItsRunRenderedLast() {
    TextArena arena = new TextArena();
    TextRuns runs = new TextRuns(arena);
    Rrset one = rrset(a("one", "192.0.2.1"), arena);
    Rrset two = rrset(a("two", "192.0.2.2"), arena);
    runs.added(one);
    runs.added(two);
    byte[] first = runs.texts().get(0).array();
    assertThat(two.text()).isSameAs(first);

    one.replace(a("one", "192.0.2.9"), Rrset.lines(a("one", "192.0.2.9"), TTL));
    TextRuns.changed(one);
    assertThat(two.text()).isSameAs(first); // until the run renders again

    byte[] second = runs.texts().get(0).array();
    assertThat(second).isNotSameAs(first);
    assertThat(two.text()).isSameAs(second);
    assertThat(one.text()).isSameAs(second);
    assertThat(two.set(null)).isEqualTo(a("two", "192.0.2.2"));
    assertThat(one.set(null)).isEqualTo(a("one", "192.0.2.9"));
  }

  private static byte[] change(TextRuns runs, Rrset set, String address) {
    set.replace(a("one", address), Rrset.lines(a("one", address), TTL));
    TextRuns.changed(set);
    return runs.texts().get(0).array();
  }

  @Test
  void aRunRendersIntoAnEarlierArrayOnlyOnceAWrittenFileHoldsTheTextThatReplacedIt() {
    TextArena arena = new TextArena();
    TextRuns runs = new TextRuns(arena);
    Rrset one = rrset(a("one", "192.0.2.1"), arena);
    runs.added(one);
    byte[] first = runs.texts().get(0).array();
    byte[] second = change(runs, one, "192.0.2.2");
    byte[] third = change(runs, one, "192.0.2.3"); // nothing written: no array is free
    assertThat(List.of(first, second, third)).doesNotHaveDuplicates();

    List<ByteBuffer> written = List.copyOf(runs.texts()); // what a write keeps: the base of a merge
    runs.written();
    byte[] fourth = change(runs, one, "192.0.2.4");
    byte[] fifth = change(runs, one, "192.0.2.5");

    assertThat(fourth).isSameAs(second); // replaced before the write: free
    assertThat(fifth).isNotSameAs(third).isNotSameAs(first); // the written text stays as it was
    assertThat(text(written)).isEqualTo("one.example.com. 300 IN A 192.0.2.3\n");
    assertThat(text(runs.texts())).isEqualTo("one.example.com. 300 IN A 192.0.2.5\n");
    assertThat(one.set(null)).isEqualTo(a("one", "192.0.2.5"));
  }

  @Test
  void chunksFillUpOneAfterAnotherAndATextLongerThanAChunkGetsOneOfItsOwn() {
    TextArena arena = new TextArena();
    String[] rdata = new String[400]; // 400 lines of ~240 bytes: ~96 KB
    for (int i = 0; i < rdata.length; i++) {
      rdata[i] = "\"" + "x".repeat(200) + i + "\"";
    }
    RecordSet big = RecordSet.of("big.example.com.", RecordType.TXT, TTL, rdata);
    Rrset small = rrset(a("small", "192.0.2.1"), arena);

    Rrset large = rrset(big, arena);

    assertThat(large.length).isGreaterThan(TextArena.CHUNK);
    assertThat(large.chunk).isEqualTo(1);
    assertThat(arena.chunk(1)).hasSize(large.length);
    assertThat(large.set(null)).isEqualTo(big);
    assertThat(small.set(null)).isEqualTo(a("small", "192.0.2.1"));
    assertThat(small.named("small.example.com.")).isTrue();
    assertThat(arena.chunks()).isEqualTo(2);
  }
}
