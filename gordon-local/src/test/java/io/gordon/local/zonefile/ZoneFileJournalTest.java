package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.local.TestContext;
import io.gordon.local.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal and the adaptive rewrite, with a clock on which every rewrite takes 100 ms: after the
 * first rewrite the next is due 900 ms later (at the default share of 10%), so a second batch is
 * acknowledged from the journal while the file lags.
 */
class ZoneFileJournalTest {
  @TempDir Path root;
  DnsProvider provider;

  DnsProvider start(Path dir, int share) {
    DnsProvider p =
        (DnsProvider)
            new ZoneFileFactory()
                .create(
                    TestContext.of(
                        "local.zonefile",
                        ZoneFileFactory.SPEC,
                        Map.of("zones", List.of("example.com."), "rewrite_share", share),
                        new StepClock(Duration.ofMillis(100)),
                        dir));
    p.start();
    return p;
  }

  @AfterEach
  void stop() {
    if (provider != null) {
      provider.shutdown();
    }
  }

  static Path file(Path dir) {
    return dir.resolve("var/zones/example.com.zone");
  }

  static Path journal(Path dir) {
    return dir.resolve("var/zones/example.com.zone.journal");
  }

  static Change.Replace a(String label, String address) {
    return new Change.Replace(RecordSet.of(label + ".example.com.", RecordType.A, 300, address));
  }

  void applied(Change... changes) {
    assertThat(provider.apply(List.of(changes))).allMatch(r -> r instanceof ChangeResult.Applied);
  }

  /** A step of a test that may throw. */
  interface Step {
    void run() throws Exception;
  }

  /**
   * Runs {@code step} under the zone's lock (reentrant: the step's batches take it again), so that
   * the provider's timer cannot write the journal's batches into the file before the step has
   * looked at the file or copied it; under load it did, some 20 ms after a batch.
   */
  void beforeTheTimer(Step step) {
    ((ZoneFileProvider) provider)
        .locked(
            "example.com.",
            () -> {
              try {
                step.run();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              return null;
            });
  }

  @Test
  void aBatchBeforeTheRewriteIsDueIsDurableInTheJournalAndInTheFileSoonAfter() throws Exception {
    provider = start(root, 10);
    applied(a("first", "192.0.2.1"));
    assertThat(Files.readString(file(root))).contains("first.example.com. 300 IN A 192.0.2.1");
    assertThat(journal(root)).isEmptyFile();

    beforeTheTimer(
        () -> {
          applied(a("second", "192.0.2.2"));
          assertThat(Files.readString(file(root))).doesNotContain("second.example.com.");
          assertThat(Files.size(journal(root))).isPositive();
          assertThat(provider.read("second.example.com.", RecordType.A)).isPresent();
        });
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.readString(file(root)).contains("second.example.com. 300 IN A"));
    assertThat(journal(root)).isEmptyFile();
    assertThat(Files.readString(file(root))).contains("; gordon journal sequence 1\n");
  }

  @Test
  void shutdownWritesAFileThatLags() throws Exception {
    provider = start(root, 10);
    applied(a("first", "192.0.2.1"));
    applied(a("second", "192.0.2.2"));

    provider.shutdown();
    provider = null;

    assertThat(Files.readString(file(root))).contains("second.example.com. 300 IN A 192.0.2.2");
    assertThat(journal(root)).isEmptyFile();
  }

  @Test
  void aShareOfOneHundredPercentWritesEveryBatchBeforeItsCallReturns() throws Exception {
    provider = start(root, 100);
    applied(a("first", "192.0.2.1"));

    applied(a("second", "192.0.2.2"));

    assertThat(Files.readString(file(root))).contains("second.example.com. 300 IN A 192.0.2.2");
  }

  @Test
  void aCrashReplaysTheJournalOntoTheFileIgnoringATornLastEntry() throws Exception {
    provider = start(root, 10);
    applied(a("first", "192.0.2.1"));
    Path crashed = root.resolve("crashed");
    beforeTheTimer(
        () -> {
          applied(
              a("second", "192.0.2.2"),
              new Change.Remove(RecordSet.of("first.example.com.", RecordType.A, List.of())));
          crashCopy(crashed);
        });
    Files.write(journal(crashed), new byte[] {0, 0, 0, 40, 1, 2, 3}, StandardOpenOption.APPEND);
    String before = Files.readString(file(crashed));
    assertThat(before).contains("first.example.com.").doesNotContain("second.example.com.");

    DnsProvider restarted = start(crashed, 10);
    try {
      assertThat(restarted.read("second.example.com.", RecordType.A)).isPresent();
      assertThat(restarted.read("first.example.com.", RecordType.A)).isEmpty();
      String after = Files.readString(file(crashed));
      assertThat(after)
          .contains("second.example.com. 300 IN A 192.0.2.2")
          .doesNotContain("first.example.com.");
      assertThat(serial(after)).isGreaterThan(serial(before));
      assertThat(journal(crashed)).isEmptyFile();
    } finally {
      restarted.shutdown();
    }
  }

  @Test
  void aJournalTheFileAlreadyHoldsIsNotAppliedAgain() throws Exception {
    provider = start(root, 10);
    applied(a("first", "192.0.2.1"));
    Path crashed = root.resolve("crashed");
    beforeTheTimer(
        () -> {
          applied(a("second", "192.0.2.2"));
          crashCopy(crashed);
        });
    provider.shutdown(); // writes "second" into the file: journal sequence 2
    provider = null;
    // The crash came after the rewrite's rename and before the journal was emptied; by then a
    // person had also changed "second" by hand.
    Files.writeString(
        file(crashed),
        Files.readString(file(root))
            .replace(
                "second.example.com. 300 IN A 192.0.2.2",
                "second.example.com. 300 IN A 192.0.2.99"));

    DnsProvider restarted = start(crashed, 10);
    try {
      assertThat(restarted.read("second.example.com.", RecordType.A))
          .contains(RecordSet.of("second.example.com.", RecordType.A, 300, "192.0.2.99"));
      assertThat(journal(crashed)).isEmptyFile();
    } finally {
      restarted.shutdown();
    }
  }

  @Test
  void anEditWhileBatchesAreOnlyInTheJournalKeepsBothAndTheEditWinsOnTheRrsetsItChanged()
      throws Exception {
    provider = start(root, 10);
    applied(a("first", "192.0.2.1"));
    // Else the timer could write the journal's batches into the file between the edit's read and
    // its rename, and the edit would replace them ("kept" was lost once under load). Once the lock
    // is free the timer merges the edit.
    beforeTheTimer(
        () -> {
          applied(a("kept", "192.0.2.2"), a("contested", "192.0.2.3"));
          editByHand();
        });

    applied(a("later", "192.0.2.5"));

    String text = Files.readString(file(root));
    assertThat(text)
        .contains("first.example.com. 300 IN A 192.0.2.1")
        .contains("kept.example.com. 300 IN A 192.0.2.2")
        .contains("contested.example.com. 300 IN A 192.0.2.30")
        .contains("byhand.example.com. 300 IN A 192.0.2.40");
    assertThat(provider.read("later.example.com.", RecordType.A)).isPresent();
    assertThat(provider.read("contested.example.com.", RecordType.A))
        .contains(RecordSet.of("contested.example.com.", RecordType.A, 300, "192.0.2.30"));
  }

  /** Changes "contested" and adds "byhand" in the file, while "kept" is only in the journal. */
  private void editByHand() throws java.io.IOException {
    assertThat(Files.readString(file(root))).doesNotContain("kept.example.com.");
    ZoneData edit = ZoneFileParser.parse(Files.readString(file(root)), "example.com.", 300);
    edit.put(RecordSet.of("contested.example.com.", RecordType.A, 300, "192.0.2.30"));
    edit.put(RecordSet.of("byhand.example.com.", RecordType.A, 300, "192.0.2.40"));
    AtomicFiles.write(file(root), ZoneFileWriter.write(edit));
  }

  /** The zone directory as a crash would leave it now: the file and the journal, no lock. */
  private Path crashCopy(Path to) throws Exception {
    Files.createDirectories(file(to).getParent());
    Files.copy(file(root), file(to));
    Files.copy(journal(root), journal(to));
    return to;
  }

  @Test
  void theRecoveryAtStartIsLoggedAsNothingLostWithWhatHappened() throws Exception {
    provider = start(root, 10);
    applied(a("first", "192.0.2.1"));
    Path crashed = root.resolve("crashed");
    beforeTheTimer(
        () -> {
          applied(a("second", "192.0.2.2"));
          crashCopy(crashed);
        });
    CapturedLog logged = new CapturedLog();
    DnsProvider restarted = start(crashed, 10);
    try {
      assertThat(logged.lines())
          .contains(
              "INFO "
                  + file(crashed)
                  + ": recovered 1 batch of changes that were acknowledged and kept in"
                  + " example.com.zone.journal but were not in the file yet (a write of the file"
                  + " failed, e.g. on a full disk, or gordon stopped before the file caught up);"
                  + " nothing was lost: they are applied and the file is written with them");
    } finally {
      logged.close();
      restarted.shutdown();
    }
  }

  private static long serial(String text) {
    String soa = text.lines().filter(l -> l.contains(" IN SOA ")).findFirst().orElseThrow();
    return Long.parseLong(soa.split(" ")[6]);
  }
}
