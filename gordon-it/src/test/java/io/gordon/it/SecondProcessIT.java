package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code bin/gordon run} processes on one configuration (same spool, dead-letter file and
 * zone files): the second is refused at start, naming the locked path and the first one's pid, and
 * the first keeps serving.
 */
class SecondProcessIT {
  @TempDir Path dir;

  @Test
  void aSecondProcessOnTheSameDirectoriesIsRefusedAndTheFirstKeepsServing() throws Exception {
    Configs.embeddedDefault(dir);
    try (GordonProcess first = GordonProcess.start(dir)) {
      Http http = new Http(first.httpPort());
      ProcessBuilder pb =
          new ProcessBuilder(
                  GordonProcess.REPO.resolve("bin/gordon").toString(), "run", "-c", dir.toString())
              .redirectErrorStream(true);
      pb.environment().put("GORDON_NO_BUILD", "1");
      Process second = pb.start();
      String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();

      assertThat(second.exitValue()).as(out).isNotZero();
      assertThat(out)
          .containsPattern(
              "is locked by another process \\(pid \\d+\\); lock file "
                  + "\\S+\\.lock\\. Only one gordon process may write it");
      assertThat(first.alive()).isTrue();
      assertThat(
              http.post("", Http.addA("after-1", "after.example.com.", "192.0.2.21")).statusCode())
          .isEqualTo(202);
    }
  }
}
