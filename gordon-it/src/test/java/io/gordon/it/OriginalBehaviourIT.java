package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour users of the original rely on, through the real bin/gordon process. */
class OriginalBehaviourIT {
  @TempDir Path dir;

  @Test
  void sighupShutsDownCleanlyAsSigtermDoes() throws Exception {
    try (GordonProcess gordon = GordonProcess.start(Configs.embeddedDefault(dir))) {
      gordon.httpPort();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> gordon.logText().contains("gordon started"));
      Thread.sleep(500); // the handlers are installed right after that line
      assertThat(gordon.signal("HUP")).as(gordon.tail()).isZero();
      assertThat(gordon.logText()).contains("Received exit signal SIGHUP...", "Shutdown complete.");
    }
  }

  @Test
  void applyWritesOnlyItsResultsToStdoutAndLogsToStderrAsConfigured() throws Exception {
    Configs.embeddedDefault(dir);
    Files.writeString(
        dir.resolve("gordon-user.toml"),
        """
        [core.logging]
        level = "info"
        handlers = ["stream"]
        fmt = "LOG %(levelname)s %(message)s"
        format = "the original's key"
        """);
    Path events =
        Files.writeString(
            dir.resolve("e.jsonl"),
            Http.addA("s-1", "a.example.com.", "192.0.2.1")
                + "\n"
                + Http.addA("s-2", "b.example.com.", "192.0.2.2")
                + "\n");
    Gordon.Result r = Gordon.run(dir, "apply", "-c", dir.toString(), events.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    assertThat(r.out().lines().toList())
        .hasSize(2)
        .allSatisfy(l -> assertThat(json.readTree(l).get("outcome").asText()).isEqualTo("applied"));
    assertThat(r.errLines()).anyMatch(l -> l.startsWith("LOG INFO "));
    assertThat(r.errLines())
        .anyMatch(
            l ->
                l.contains("core.logging.format: not used by" + " gordon's log handlers; ignored"));
  }
}
