package io.gordon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Output and input paths given on the command line fail with the path and the reason. */
class CliPathsTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int gordon(String... args) {
    CommandLine cli =
        new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    return Main.execute(cli, args);
  }

  @Test
  void docsIntoAMissingDirectoryNamesTheDirectoryAndExitsTwo() {
    Path target = dir.resolve("missing/dir/x.md");
    assertThat(gordon("docs", "config", "-o", target.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "gordon docs: cannot write "
                + target
                + ": directory "
                + dir.resolve("missing/dir")
                + " does not exist\n");
    assertThat(dir.resolve("missing")).doesNotExist();
  }

  @Test
  void docsOntoADirectorySaysSoAndExitsTwo() {
    assertThat(gordon("docs", "config", "-o", dir.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("gordon docs: cannot write " + dir + ": it is a directory\n");
  }

  @Test
  void docsIntoAnExistingDirectoryWritesTheReference() throws Exception {
    Path target = dir.resolve("configuration.md");
    assertThat(gordon("docs", "config", "-o", target.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(target)).contains("| `delete_threshold` |");
  }

  @Test
  void pluginsWithAMissingConfigRootIsAConfigurationError() {
    Path missing = dir.resolve("nowhere");
    assertThat(gordon("plugins", "-c", missing.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "config root "
                + missing
                + " is not a directory\n"
                + "gordon: 1 problem in the configuration; nothing was started\n");
    assertThat(out.toString()).isEmpty();
  }
}
