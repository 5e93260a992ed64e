package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/configuration.md must match what the distribution generates from the declared keys. */
class ConfigDocsIT {
  @TempDir Path dir;

  @Test
  void committedConfigurationReferenceIsCurrent() throws Exception {
    Gordon.Result r = Gordon.run(dir, "docs", "config");
    assertThat(r.exit()).as(r.err()).isZero();
    Path committed = Gordon.REPO.resolve("docs/configuration.md");
    assertThat(committed)
        .as(
            "docs/configuration.md is missing; generate it with: "
                + "bin/gordon docs config --output docs/configuration.md")
        .exists();
    assertThat(Files.readString(committed))
        .as(
            "docs/configuration.md is stale; regenerate it "
                + "with: bin/gordon docs config --output docs/configuration.md")
        .isEqualTo(r.out());
  }
}
