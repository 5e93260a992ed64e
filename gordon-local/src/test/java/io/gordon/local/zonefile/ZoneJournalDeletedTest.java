package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.DnsProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zone's journal deleted by hand while gordon runs (it looks like a temporary file): acceptance
 * pass 4 found gordon appending to the open, nameless file, so a crash before the zone file caught
 * up lost the batches acknowledged from it.
 */
class ZoneJournalDeletedTest {
  @TempDir Path root;
  private final ZoneFileJournalTest journaled = new ZoneFileJournalTest();
  private final CapturedLog logged = new CapturedLog();

  @AfterEach
  void stop() {
    logged.close();
    journaled.stop();
  }

  @Test
  void aBatchJournaledAfterTheJournalWasDeletedSurvivesACrashAndAWarningNamesTheJournal()
      throws Exception {
    journaled.provider = journaled.start(root, 10);
    journaled.applied(ZoneFileJournalTest.a("first", "192.0.2.1")); // written to the file at once
    journaled.applied(ZoneFileJournalTest.a("second", "192.0.2.2")); // in the journal only
    Path journal = ZoneFileJournalTest.journal(root);
    Files.delete(journal);

    journaled.applied(ZoneFileJournalTest.a("third", "192.0.2.3"));

    // A crash now: the journal first, as the timer may write the file and empty it meanwhile.
    Path crashed = root.resolve("crashed");
    Files.createDirectories(ZoneFileJournalTest.file(crashed).getParent());
    Files.copy(journal, ZoneFileJournalTest.journal(crashed));
    Files.copy(ZoneFileJournalTest.file(root), ZoneFileJournalTest.file(crashed));
    assertThat(logged.lines())
        .contains(
            "WARNING "
                + journal
                + " was deleted while gordon runs: written again with the acknowledged batches"
                + " the zone file does not hold yet, so that a crash loses none of them (never"
                + " delete it: it is emptied at every rewrite)");
    DnsProvider restarted = journaled.start(crashed, 10);
    try {
      assertThat(restarted.read("second.example.com.", RecordType.A)).isPresent();
      assertThat(restarted.read("third.example.com.", RecordType.A)).isPresent();
    } finally {
      restarted.shutdown();
    }
  }
}
