package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.local.TestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of a second JVM that applies batches into a 20,000-record zone, whose file lags behind
 * its journal (rewrite_share 5): after a restart every batch whose call returned is in the zone and
 * in its file, and named-checkzone loads the file.
 */
class ZoneFileCrashIT {
  static final int BATCH = 100;
  @TempDir Path root;

  static DnsProvider provider(Path root) {
    DnsProvider p =
        (DnsProvider)
            new ZoneFileFactory()
                .create(
                    TestContext.of(
                        "local.zonefile",
                        ZoneFileFactory.SPEC,
                        Map.of("zones", List.of("example.com."), "rewrite_share", 5),
                        Clock.systemUTC(),
                        root));
    p.start();
    return p;
  }

  static Change.Replace a(String name, long n) {
    return new Change.Replace(
        RecordSet.of(
            name + ".example.com.",
            RecordType.A,
            300,
            "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255)));
  }

  /** The process that is killed: applies batches for ever, printing "acked N" after batch N. */
  public static void main(String[] args) {
    DnsProvider p = provider(Path.of(args[0]));
    List<Change> big = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      big.add(a("big" + i, i));
    }
    applied(p, big);
    System.out.println("acked 0");
    for (long b = 1; ; b++) {
      List<Change> batch = new ArrayList<>();
      for (int i = 0; i < BATCH - 1; i++) {
        batch.add(a("b" + b + "-" + i, i));
      }
      batch.add(a("counter", b));
      applied(p, batch);
      System.out.println("acked " + b);
      System.out.flush();
    }
  }

  private static void applied(DnsProvider p, List<Change> batch) {
    for (ChangeResult r : p.apply(batch)) {
      if (!(r instanceof ChangeResult.Applied)) {
        throw new IllegalStateException("not applied: " + r);
      }
    }
  }

  /**
   * The last batch the child acknowledged: the highest "acked N" line of {@code acks} that is
   * complete (its newline written), so a line cut short by the kill does not count.
   */
  static long lastAcked(Path acks) throws java.io.IOException {
    String text = Files.readString(acks);
    long last = -1;
    for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
      if (line.startsWith("acked ")) {
        last = Math.max(last, Long.parseLong(line.substring(6)));
      }
    }
    return last;
  }

  @Test
  void everyBatchWhoseCallReturnedSurvivesAKillAndTheFileLoadsInBind() throws Exception {
    // The child's standard output goes to a file, not a pipe, so every line it wrote before the
    // kill is there once it is dead. Read from a pipe by a thread, the lines it had not read yet
    // were lost: destroyForcibly() closes the parent's end of the pipe (JDK ProcessImpl.destroy).
    // Under load the thread lagged, and the test saw "acked 121" with batch 123 in the zone (the
    // child had printed "acked 122"): 1 run of 18 at load 11.
    Path acks = root.resolve("acks.txt");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ZoneFileCrashIT.class.getName(),
                root.toString())
            .redirectOutput(acks.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (lastAcked(acks) < 60 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(child.isAlive()).as("the writer runs until it is killed").isTrue();
    child.destroyForcibly(); // SIGKILL
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long last = lastAcked(acks); // every complete line was acknowledged before the kill
    assertThat(last).isGreaterThanOrEqualTo(60);
    Path file = root.resolve("var/zones/example.com.zone");
    Path journal = ZoneJournal.of(file);
    long lagging = Files.size(journal);

    DnsProvider restarted = provider(root);
    try {
      for (long b = 1; b <= last; b++) {
        for (int i = 0; i < BATCH - 1; i++) {
          assertThat(restarted.read("b" + b + "-" + i + ".example.com.", RecordType.A))
              .as(
                  "batch %d of %d acknowledged (journal held %d bytes at the kill)",
                  b, last, lagging)
              .isPresent();
        }
      }
      String counter =
          restarted.read("counter.example.com.", RecordType.A).orElseThrow().rdata().get(0);
      long value =
          Long.parseLong(counter.substring(counter.lastIndexOf('.') + 1))
              + 256 * Long.parseLong(counter.split("\\.")[2]);
      assertThat(value).isBetween(last, last + 1);
      String text = Files.readString(file);
      assertThat(text).contains("b" + last + "-0.example.com. 300 IN A 10.0.0.0\n");
      assertThat(journal).isEmptyFile();
    } finally {
      restarted.shutdown();
    }
    Process check =
        new ProcessBuilder("named-checkzone", "example.com", file.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.exitValue()).as(out).isZero();
    assertThat(out).contains("loaded serial");
    System.out.printf(
        "ZoneFileCrashIT: killed after batch %d; the journal held %d bytes%n", last, lagging);
  }
}
