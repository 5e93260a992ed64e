package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneJournalTest {
  private static final System.Logger LOG = System.getLogger(ZoneJournalTest.class.getName());
  @TempDir Path dir;

  @Test
  void theJournalLivesBesideTheZoneFile() {
    assertThat(ZoneJournal.of(dir.resolve("example.com.zone")))
        .isEqualTo(dir.resolve("example.com.zone.journal"));
  }

  @Test
  void appendedEntriesAreReadWhenTheJournalIsOpenedAgain() throws Exception {
    Path file = dir.resolve("example.com.zone.journal");
    try (ZoneJournal j = ZoneJournal.open(file).journal()) {
      assertThat(j.isEmpty()).isTrue();
      j.append(JournalEntryTest.FIRST, LOG);
      j.append(JournalEntryTest.SECOND, LOG);
    }

    ZoneJournal.Opened o = ZoneJournal.open(file);
    o.journal().close();

    assertThat(o.entries()).containsExactly(JournalEntryTest.FIRST, JournalEntryTest.SECOND);
    assertThat(o.tornBytes()).isZero();
  }

  @Test
  void aTornTailIsCutOffOnOpenAndTheNextAppendFollowsTheLastWholeEntry() throws Exception {
    Path file = dir.resolve("example.com.zone.journal");
    try (ZoneJournal j = ZoneJournal.open(file).journal()) {
      j.append(JournalEntryTest.FIRST, LOG);
    }
    byte[] second = JournalEntryTest.SECOND.encode();
    Files.write(file, java.util.Arrays.copyOf(second, 10), StandardOpenOption.APPEND);

    ZoneJournal.Opened o = ZoneJournal.open(file);
    try (ZoneJournal j = o.journal()) {
      assertThat(o.entries()).containsExactly(JournalEntryTest.FIRST);
      assertThat(o.tornBytes()).isEqualTo(10);
      assertThat(Files.size(file)).isEqualTo(JournalEntryTest.FIRST.encode().length);
      j.append(JournalEntryTest.SECOND, LOG);
    }

    ZoneJournal.Opened again = ZoneJournal.open(file);
    again.journal().close();
    assertThat(again.entries()).containsExactly(JournalEntryTest.FIRST, JournalEntryTest.SECOND);
  }

  @Test
  void aResetEmptiesTheJournalButKeepsTheFile() throws Exception {
    Path file = dir.resolve("example.com.zone.journal");
    try (ZoneJournal j = ZoneJournal.open(file).journal()) {
      j.append(JournalEntryTest.FIRST, LOG);
      j.reset();
      assertThat(j.isEmpty()).isTrue();
    }

    assertThat(file).exists().isEmptyFile();
  }

  @Test
  void theEntriesSinceTheLastResetAreReadBackFromTheFileInOrder() throws Exception {
    Path file = dir.resolve("example.com.zone.journal");
    try (ZoneJournal j = ZoneJournal.open(file).journal()) {
      assertThat(j.entries()).isEmpty();
      j.append(JournalEntryTest.FIRST, LOG);
      j.reset();
      j.append(JournalEntryTest.SECOND, LOG);
      assertThat(j.entries()).containsExactly(JournalEntryTest.SECOND);
    }
    try (ZoneJournal j = ZoneJournal.open(file).journal()) {
      assertThat(j.entries()).containsExactly(JournalEntryTest.SECOND);
    }
  }

  @Test
  void bytesAfterTheLastWholeEntryAreNotReadBack() throws Exception {
    Path file = dir.resolve("example.com.zone.journal");
    try (ZoneJournal j = ZoneJournal.open(file).journal()) {
      j.append(JournalEntryTest.FIRST, LOG);
      Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND); // a failed append's

      assertThat(j.entries()).containsExactly(JournalEntryTest.FIRST);
    }
  }

  @Test
  void anAcknowledgedEntryDamagedOnDiskIsAnErrorNotASilentLoss() throws Exception {
    Path file = dir.resolve("example.com.zone.journal");
    try (ZoneJournal j = ZoneJournal.open(file).journal()) {
      j.append(JournalEntryTest.FIRST, LOG);
      byte[] bytes = Files.readAllBytes(file);
      int length = bytes.length;
      bytes[length - 1] ^= 1; // the checksum's last bit
      Files.write(file, bytes);

      assertThatThrownBy(j::entries)
          .isInstanceOf(java.io.IOException.class)
          .hasMessage(
              "damaged: "
                  + length
                  + " bytes of acknowledged entries from byte 0 no longer read back");
    }
  }

  @Test
  void aJournalDeletedByHandIsWrittenAgainWithItsEntriesAtTheNextAppend() throws Exception {
    Path file = dir.resolve("example.com.zone.journal");
    try (ZoneJournal j = ZoneJournal.open(file).journal()) {
      j.append(JournalEntryTest.FIRST, LOG);
      Files.delete(file);

      j.append(JournalEntryTest.SECOND, LOG);
    }

    ZoneJournal.Opened o = ZoneJournal.open(file);
    o.journal().close();
    assertThat(o.entries()).containsExactly(JournalEntryTest.FIRST, JournalEntryTest.SECOND);
  }
}
