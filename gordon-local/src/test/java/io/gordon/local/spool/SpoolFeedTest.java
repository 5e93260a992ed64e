package io.gordon.local.spool;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.plugin.MetricRelay;
import io.gordon.local.RecordingSourceContext;
import io.gordon.local.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader submits only bytes the writer reports durable, and is woken by the writer. */
class SpoolFeedTest {
  @TempDir Path dir;

  /** A writer that reports durability by hand. */
  static final class HandFeed implements SpoolFeed {
    volatile long readable;
    volatile Consumer<Path> listener;

    @Override
    public boolean active(Path file) {
      return true;
    }

    @Override
    public long readable(Path file) {
      return readable;
    }

    @Override
    public void onDurable(Consumer<Path> l) {
      listener = l;
    }
  }

  @Test
  void bytesNotYetDurableAreNeverSubmittedAndANotificationNotAPollBringsTheRest() throws Exception {
    String one = SpoolReaderTest.event(1) + "\n";
    Path file =
        Files.writeString(dir.resolve("http-1.jsonl"), one + SpoolReaderTest.event(2) + "\n");
    HandFeed feed = new HandFeed();
    feed.readable = one.length();
    SpoolReader reader =
        new SpoolReader(
            new SpoolOptions(
                dir,
                "http-*.jsonl",
                Duration.ofHours(1),
                Duration.ZERO,
                10_000,
                Duration.ofSeconds(1),
                p -> false,
                false),
            feed,
            Duration.ZERO,
            TestContext.CODEC,
            Clock.systemUTC(),
            System.getLogger("test"),
            MetricRelay.noop(),
            "local.http",
            SpoolListener.NONE);
    reader.prepare();
    RecordingSourceContext ctx = new RecordingSourceContext();
    Thread t =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    reader.run(ctx);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    try {
      assertThat(ctx.next().attributes()).containsEntry("line", "1");
      assertThat(ctx.items.poll(300, TimeUnit.MILLISECONDS))
          .as("line 2 is not durable yet")
          .isNull();

      feed.readable = Files.size(file);
      feed.listener.accept(file);

      assertThat(ctx.items.poll(5, TimeUnit.SECONDS))
          .as("woken by the writer, not the 1 h poll")
          .isNotNull()
          .satisfies(i -> assertThat(i.attributes()).containsEntry("line", "2"));
      assertThat(reader.backlog()).isEqualTo(2);
    } finally {
      reader.stop();
      t.join(5000);
    }
  }

  @Test
  void anEventTheWritersCallerDecodedReachesTheRouterWithoutBeingDecodedAgain() throws Exception {
    io.gordon.api.model.DnsEvent decoded = TestContext.CODEC.decode(SpoolReaderTest.event(1));
    String line = TestContext.CODEC.encode(decoded);
    try (SpoolWriter writer = new SpoolWriter(dir, "http", 1 << 20, Clock.systemUTC())) {
      SpoolReader reader =
          new SpoolReader(
              new SpoolOptions(
                  dir,
                  "http-*.jsonl",
                  Duration.ofHours(1),
                  Duration.ZERO,
                  10_000,
                  Duration.ofSeconds(1),
                  writer::active,
                  false),
              writer,
              Duration.ZERO,
              TestContext.CODEC,
              Clock.systemUTC(),
              System.getLogger("test"),
              MetricRelay.noop(),
              "local.http",
              SpoolListener.NONE);
      reader.prepare();
      RecordingSourceContext ctx = new RecordingSourceContext();
      Thread t =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      reader.run(ctx);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
      try {
        writer.append(java.util.List.of(line), java.util.List.of(decoded), java.time.Instant.now());
        writer.append(java.util.List.of(line));
        assertThat(ctx.next().message().event()).as("handed over by the writer").isSameAs(decoded);
        assertThat(ctx.next().message().event())
            .as("the same text again: decoded from the file")
            .isNotSameAs(decoded)
            .isEqualTo(decoded);
      } finally {
        reader.stop();
        t.join(5000);
      }
    }
  }

  @Test
  void theBacklogAndOldestPendingAgeAreGaugesNamedWithTheirUnits() throws Exception {
    Files.writeString(dir.resolve("in-1.jsonl"), SpoolReaderTest.event(1) + "\n");
    java.util.Map<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
    MetricRelay relay =
        new MetricRelay() {
          @Override
          public void incr(String name, long value, java.util.Map<String, String> context) {}

          @Override
          public void set(String name, double value, java.util.Map<String, String> context) {
            seen.put(name + context, String.valueOf(value));
          }

          @Override
          public void timing(String name, Duration elapsed, java.util.Map<String, String> c) {}
        };
    SpoolReader reader =
        new SpoolReader(
            new SpoolOptions(
                dir,
                "*.jsonl",
                Duration.ofMillis(20),
                Duration.ZERO,
                10_000,
                Duration.ofSeconds(1),
                p -> false,
                true),
            SpoolFeed.NONE,
            Duration.ZERO,
            TestContext.CODEC,
            Clock.systemUTC(),
            System.getLogger("test"),
            relay,
            "local.file",
            SpoolListener.NONE);
    reader.prepare();
    RecordingSourceContext ctx = new RecordingSourceContext();
    Thread t =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    reader.run(ctx);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    try {
      ctx.next();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(seen)
                      .containsEntry("gordon_spool_backlog_events{source=local.file}", "1.0")
                      .containsKey("gordon_spool_oldest_pending_age_seconds{source=local.file}"));
    } finally {
      reader.stop();
      t.join(5000);
    }
  }
}
