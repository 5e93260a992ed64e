package io.gordon.it;

import io.gordon.testing.config.TestToml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Config directories for the end-to-end tests: free ports (0) and their own var/. */
final class Configs {
  private Configs() {}

  /** The repository's own gordon.toml, with both listen ports set to 0. */
  static Path embeddedDefault(Path dir) throws IOException {
    String toml =
        Files.readString(GordonProcess.REPO.resolve("gordon.toml"))
            .replace("\"127.0.0.1:8053\"", "\"127.0.0.1:0\"")
            .replace("\"127.0.0.1:9053\"", "\"127.0.0.1:0\"");
    if (toml.contains(":8053\"") || toml.contains(":9053\"")) {
      throw new IllegalStateException("gordon.toml changed: fixed ports left in " + toml);
    }
    Files.writeString(dir.resolve("gordon.toml"), toml);
    return dir;
  }

  /** local.file (polling fast) into local.zonefile for example.com. */
  static Path fileSource(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("gordon.toml"),
        TestToml.plugins("local.file", "local.zonefile")
            .core("max_msg_age = 0")
            .tables(
                """
        [core.ownership]
        # The crash test deletes a third of its names on purpose. After the restart the breaker
        # counts them against the zone as it then is, which holds only what was applied before
        # the kill (a fast kill: 497 of 993 owned, tripping a 50% threshold), so the breaker
        # (tested on its own in DeletionBreakerTest) is kept out of this test of crash recovery.
        min_records = 1000000
        [local.file]
        directory = "var/spool/in"
        poll_interval = "50ms"
        quiet_period = "200ms"
        [local.zonefile]
        zones = ["example.com."]
        """)
            .text());
    return dir;
  }
}
