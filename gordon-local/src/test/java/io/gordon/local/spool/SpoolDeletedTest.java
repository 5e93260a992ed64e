package io.gordon.local.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.api.plugin.MetricRelay;
import io.gordon.local.RecordingSourceContext;
import io.gordon.local.TestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool directory removed under a running gordon (by mistake, a cleanup job): acceptance pass 4
 * found every later event answered 202 from a segment that no longer had a name, never read and
 * never applied.
 */
class SpoolDeletedTest {
  @TempDir Path root;

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void anAppendAfterTheSpoolDirectoryWasRemovedFailsAndTheNextOneIsSpooledAndRead()
      throws Exception {
    Path dir = root.resolve("spool");
    try (SpoolWriter writer = new SpoolWriter(dir, "http", 1 << 20, Clock.systemUTC())) {
      SpoolReader reader =
          new SpoolReader(
              new SpoolOptions(
                  dir,
                  "http-*.jsonl",
                  Duration.ofMillis(20),
                  Duration.ZERO,
                  200,
                  Duration.ofMillis(50),
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
        writer.append(List.of(SpoolReaderTest.event(1)));
        assertThat(ctx.next().message().event().records().get(0).name())
            .isEqualTo("h1.example.com.");
        deleteTree(dir);

        assertThatThrownBy(() -> writer.append(List.of(SpoolReaderTest.event(2))))
            .isInstanceOf(IOException.class)
            .hasMessageStartingWith(
                "spool append not durable: spool segment " + dir.resolve("http-"))
            .hasMessageEndingWith(
                " was deleted (was the spool directory removed?); nothing of this append was"
                    + " accepted, the next one starts a new segment");
        writer.append(List.of(SpoolReaderTest.event(3)));

        assertThat(ctx.next().message().event().records().get(0).name())
            .isEqualTo("h3.example.com.");
      } finally {
        reader.stop();
        t.join(5000);
      }
    }
  }
}
