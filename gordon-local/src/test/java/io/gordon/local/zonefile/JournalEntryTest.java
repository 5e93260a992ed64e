package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class JournalEntryTest {
  static final JournalEntry FIRST =
      new JournalEntry(
          1,
          List.of(
              new JournalEntry.Effect.Put(
                  RecordSet.of("www.example.com.", RecordType.A, 300, "192.0.2.1", "192.0.2.2")),
              new JournalEntry.Effect.Delete("old.example.com.", RecordType.AAAA)));
  static final JournalEntry SECOND =
      new JournalEntry(
          2,
          List.of(
              new JournalEntry.Effect.Put(
                  new RecordSet(
                      "txt.example.com.",
                      RecordType.TXT,
                      OptionalInt.empty(),
                      List.of("\"caf\u00e9 \\\"quoted\\\"\"")))));

  static byte[] journal(JournalEntry... entries) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (JournalEntry e : entries) {
      out.write(e.encode());
    }
    return out.toByteArray();
  }

  @Test
  void entriesReadBackAsWritten() throws Exception {
    byte[] bytes = journal(FIRST, SECOND);

    JournalEntry.Decoded d = JournalEntry.decode(ByteBuffer.wrap(bytes));

    assertThat(d.entries()).containsExactly(FIRST, SECOND);
    assertThat(d.valid()).isEqualTo(bytes.length);
  }

  @Test
  void aLastEntryCutShortAtAnyByteIsDroppedAndTheOnesBeforeItKept() throws Exception {
    byte[] bytes = journal(FIRST, SECOND);
    int first = FIRST.encode().length;
    for (int cut = first; cut < bytes.length; cut++) {
      JournalEntry.Decoded d = JournalEntry.decode(ByteBuffer.wrap(Arrays.copyOf(bytes, cut)));

      assertThat(d.entries()).as("cut at %d", cut).containsExactly(FIRST);
      assertThat(d.valid()).isEqualTo(first);
    }
  }

  @Test
  void aFlippedByteFailsTheChecksumAndEndsTheJournal() throws Exception {
    byte[] bytes = journal(FIRST, SECOND);
    int first = FIRST.encode().length;
    for (int at = first + 4; at < bytes.length; at++) {
      byte[] bad = bytes.clone();
      bad[at] ^= 0x20;

      assertThat(JournalEntry.decode(ByteBuffer.wrap(bad)).entries())
          .as("flipped byte %d", at)
          .containsExactly(FIRST);
    }
  }

  @Test
  void anEntryThatDoesNotFollowTheSequenceEndsTheJournal() throws Exception {
    byte[] bytes = journal(SECOND, FIRST);

    JournalEntry.Decoded d = JournalEntry.decode(ByteBuffer.wrap(bytes));

    assertThat(d.entries()).containsExactly(SECOND);
    assertThat(d.valid()).isEqualTo(SECOND.encode().length);
  }

  @Test
  void anEmptyJournalHoldsNoEntry() {
    assertThat(JournalEntry.decode(ByteBuffer.allocate(0)))
        .isEqualTo(new JournalEntry.Decoded(List.of(), 0));
  }

  @Test
  void aSequenceBelowOneIsRefused() {
    assertThatThrownBy(() -> new JournalEntry(0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sequence 0 (expected >= 1)");
  }

  @Test
  void applyingAnEntryWritesItsRrsetsBlindly() {
    ZoneData zone = NewZoneTestSupport.zone();
    zone.put(RecordSet.of("old.example.com.", RecordType.AAAA, 300, "2001:db8::1"));
    zone.put(RecordSet.of("www.example.com.", RecordType.A, 300, "192.0.2.9"));

    FIRST.applyTo(zone);

    assertThat(zone.get("www.example.com.", RecordType.A))
        .contains(RecordSet.of("www.example.com.", RecordType.A, 300, "192.0.2.1", "192.0.2.2"));
    assertThat(zone.get("old.example.com.", RecordType.AAAA)).isEmpty();
  }
}
