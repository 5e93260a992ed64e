package io.gordon.local.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.api.plugin.Outcome;
import io.gordon.local.RecordingSourceContext;
import io.gordon.local.RecordingSourceContext.Item;
import io.gordon.local.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolReaderTest {
  @TempDir Path dir;
  final List<SpoolReader> readers = new ArrayList<>();
  final List<Thread> threads = new ArrayList<>();

  static String event(int i) {
    return "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\"h"
        + i
        + ".example.com.\",\"type\":\"A\",\"rrdatas\":[\"192.0.2."
        + i
        + "\"]}}";
  }

  RecordingSourceContext start(Duration quiet) throws Exception {
    return start(quiet, System.getLogger("test"));
  }

  RecordingSourceContext start(Duration quiet, System.Logger log) throws Exception {
    return start(quiet, Duration.ofMillis(50), log);
  }

  RecordingSourceContext start(Duration quiet, Duration retryDelay, System.Logger log)
      throws Exception {
    SpoolReader reader =
        new SpoolReader(
            new SpoolOptions(
                dir, "*.jsonl", Duration.ofMillis(20), quiet, 200, retryDelay, p -> false, true),
            TestContext.CODEC,
            Clock.systemUTC(),
            log,
            SpoolListener.NONE);
    reader.prepare();
    RecordingSourceContext ctx = new RecordingSourceContext();
    readers.add(reader);
    threads.add(
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    reader.run(ctx);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }));
    return ctx;
  }

  void stopAll() throws InterruptedException {
    readers.forEach(SpoolReader::stop);
    for (Thread t : threads) {
      t.join(5000);
    }
    readers.clear();
    threads.clear();
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    stopAll();
  }

  @Test
  void linesAreSubmittedInOrderWithIdsAndAttributes() throws Exception {
    Files.writeString(
        dir.resolve("a.jsonl"),
        event(1) + "\n\n" + event(2).replace("{\"action\"", "{\"id\":\"mine\",\"action\"") + "\n");
    RecordingSourceContext ctx = start(Duration.ofHours(1));
    Item first = ctx.next();
    assertThat(first.id()).isEqualTo("a.jsonl:1");
    assertThat(first.attributes()).containsEntry("file", "a.jsonl").containsEntry("line", "1");
    assertThat(ctx.next().id()).isEqualTo("mine");
  }

  @Test
  void aDamagedProgressFileIsWarnedAboutOnceWhileOtherFilesFlow() throws Exception {
    Files.createDirectories(dir.resolve(".progress"));
    Files.writeString(dir.resolve(".progress/a.jsonl.progress"), "offset=banana line=1\n");
    Files.writeString(dir.resolve("a.jsonl"), event(1) + "\n");
    Files.writeString(dir.resolve("b.jsonl"), event(2) + "\n");
    RecordingLogger log = new RecordingLogger();
    RecordingSourceContext ctx = start(Duration.ofHours(1), log);
    assertThat(ctx.next().id()).isEqualTo("b.jsonl:1");
    Thread.sleep(600); // a dozen scans, each of which retries a.jsonl
    assertThat(log.messages())
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("cannot read " + dir.resolve("a.jsonl")));
  }

  @Test
  void anInvalidLineIsRejectedWithItsReasons() throws Exception {
    Files.writeString(dir.resolve("a.jsonl"), "{\"action\":\"x\"}\n");
    Item item = start(Duration.ofHours(1)).next();
    assertThat(item.rejected()).isTrue();
    assertThat(item.reason())
        .isEqualTo(
            "line 1 of a.jsonl: action: \"x\" is not an action"
                + " (expected \"additions\" or \"deletions\"); resourceRecords: missing (expected an"
                + " object with name, type and rrdatas, or a list of them)");
  }

  @Test
  void aRestartResumesAfterTheSettledLinesAndSkipsLaterSettledOnes() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      sb.append(event(i)).append('\n');
    }
    Files.writeString(dir.resolve("a.jsonl"), sb);
    RecordingSourceContext ctx = start(Duration.ofHours(1));
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      items.add(ctx.next());
    }
    items.get(0).settle(new Outcome.Applied());
    items.get(2).settle(new Outcome.Applied());
    items.get(3).settle(new Outcome.DeadLettered("bad"));
    Path sidecar = dir.resolve(".progress/a.jsonl.progress");
    await()
        .untilAsserted(
            () ->
                assertThat(Files.readString(sidecar))
                    .isEqualTo("offset=" + (event(1).length() + 1) + " line=1 settled=3,4,\n"));
    stopAll();
    RecordingSourceContext again = start(Duration.ofHours(1));
    assertThat(again.next().id()).isEqualTo("a.jsonl:2");
    assertThat(again.next().id()).isEqualTo("a.jsonl:5");
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(again.items::isEmpty);
  }

  @Test
  void recordedReceiptTimesAreTheMessagesCreationTimeElseTheFileTime() throws Exception {
    Instant first = Instant.parse("2026-01-01T00:00:00Z");
    Instant second = Instant.parse("2026-01-02T00:00:00Z");
    Instant fileTime = Instant.parse("2026-03-01T00:00:00Z");
    Path file;
    try (SpoolWriter w = new SpoolWriter(dir, "http", 1 << 20, Clock.systemUTC())) {
      w.append(List.of(event(1), event(2)), first);
      w.append(List.of(event(3)), second);
      w.append(List.of(event(4)));
      try (var files = Files.list(dir)) {
        file = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
      }
    }
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(fileTime));
    RecordingSourceContext ctx = start(Duration.ZERO);
    List<Instant> created = new ArrayList<>();
    List<Boolean> accepted = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Item item = ctx.next();
      created.add(item.message().createdAt());
      accepted.add(item.resubmitted());
      item.settle(new Outcome.Applied());
    }
    assertThat(created).containsExactly(first, first, second, fileTime);
    // A line with a receipt was accepted (202) already: no age rule again.
    assertThat(accepted).containsExactly(true, true, true, false);
    await()
        .untilAsserted(() -> assertThat(dir.resolve("done").resolve(file.getFileName())).exists());
    assertThat(dir.resolve(".received").resolve(file.getFileName())).doesNotExist();
  }

  @Test
  void aSettledFileMovesToDoneAndLosesItsProgress() throws Exception {
    Files.writeString(dir.resolve("a.jsonl"), event(1) + "\n" + event(2));
    RecordingSourceContext ctx = start(Duration.ZERO);
    ctx.next().settle(new Outcome.Applied());
    ctx.next().settle(new Outcome.Skipped("duplicate"));
    await().untilAsserted(() -> assertThat(dir.resolve("done/a.jsonl")).exists());
    assertThat(dir.resolve("a.jsonl")).doesNotExist();
    assertThat(dir.resolve(".progress/a.jsonl.progress")).doesNotExist();
  }

  @Test
  void aRedeliveredLineIsSubmittedAgainAndOnlySettledOnce() throws Exception {
    Files.writeString(dir.resolve("a.jsonl"), event(1) + "\n");
    RecordingSourceContext ctx = start(Duration.ZERO);
    Item first = ctx.next();
    assertThat(first.resubmitted()).as("first read of a file line: intake").isFalse();
    first.settle(new Outcome.Redeliver("retries exhausted"));
    Item again = ctx.next();
    assertThat(again.id()).isEqualTo("a.jsonl:1");
    assertThat(again.resubmitted()).as("redelivered: accepted before").isTrue();
    assertThat(dir.resolve("a.jsonl")).exists();
    again.settle(new Outcome.Applied());
    await().untilAsserted(() -> assertThat(dir.resolve("done/a.jsonl")).exists());
  }

  /**
   * After a provider outage the handed-back lines are not left waiting out their grown delays (40 s
   * were seen): the first applied message brings them back at once. Here the delay is an hour, so
   * only that can bring line 1 back within the test.
   */
  @Test
  void aRedeliveredLineComesBackAsSoonAsAnotherLineIsApplied() throws Exception {
    Files.writeString(dir.resolve("a.jsonl"), event(1) + "\n" + event(2) + "\n");
    RecordingSourceContext ctx = start(Duration.ZERO, Duration.ofHours(1), System.getLogger("t"));
    Item first = ctx.next();
    Item second = ctx.next();
    first.settle(new Outcome.Redeliver("provider down"));
    assertThat(ctx.items.poll(200, TimeUnit.MILLISECONDS))
        .as("still waiting for its delay")
        .isNull();
    second.settle(new Outcome.Applied());
    Item again = ctx.next();
    assertThat(again.id()).isEqualTo("a.jsonl:1");
    assertThat(again.resubmitted()).isTrue();
  }

  @Test
  void anOverlongLineIsDeadLetteredAndTheNextLineStillRead() throws Exception {
    Files.writeString(dir.resolve("a.jsonl"), "x".repeat(500) + "\n" + event(7) + "\n");
    RecordingSourceContext ctx = start(Duration.ofHours(1));
    Item big = ctx.next();
    assertThat(big.reason())
        .isEqualTo("line 1 of a.jsonl is longer than 200 bytes" + " (max_line_bytes)");
    assertThat(ctx.next().id()).isEqualTo("a.jsonl:2");
  }

  @Test
  void anUnterminatedLastLineWaitsForTheQuietPeriod() throws Exception {
    Files.writeString(dir.resolve("a.jsonl"), event(1) + "\n" + event(2));
    RecordingSourceContext ctx = start(Duration.ofHours(1));
    assertThat(ctx.next().id()).isEqualTo("a.jsonl:1");
    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(ctx.items::isEmpty);
    Files.writeString(dir.resolve("a.jsonl"), "\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(ctx.next().id()).isEqualTo("a.jsonl:2");
  }

  @Test
  void shorterLinesAppendedAfterLongerOnesAreReadWhole() throws Exception {
    Path file = dir.resolve("a.jsonl");
    String longId = "L".repeat(60);
    Files.writeString(file, withId(1, longId + 1) + "\n" + withId(2, longId + 2) + "\n");
    RecordingSourceContext ctx = start(Duration.ofHours(1));
    assertThat(ctx.next().id()).isEqualTo(longId + 1);
    assertThat(ctx.next().id()).isEqualTo(longId + 2);
    Files.writeString(file, withId(3, "s3") + "\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(ctx.next().id()).isEqualTo("s3");
    Files.writeString(file, withId(4, "s4"), java.nio.file.StandardOpenOption.APPEND);
    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(ctx.items::isEmpty);
    Files.writeString(file, "\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(ctx.next().id()).isEqualTo("s4");
  }

  private static String withId(int i, String id) {
    return event(i).replace("{\"action\"", "{\"id\":\"" + id + "\",\"action\"");
  }
}
