package io.gordon.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.api.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
  @TempDir Path dir;

  @Test
  void userFileIsDeepMergedOverTheMainFile() throws Exception {
    Files.writeString(
        dir.resolve("gordon.toml"),
        "[core]\nplugins = [\"a\"]\ndebug = false\n[core.logging]\nlevel = \"info\"\n");
    Files.writeString(
        dir.resolve("gordon-user.toml"),
        "[core]\ndebug = true\n[core.logging]\nhandlers = [\"stream\"]\n");
    RawConfig raw = ConfigFiles.load(dir);
    assertThat(raw.tree().toPlainMap())
        .isEqualTo(
            Map.of(
                "core",
                Map.of(
                    "plugins",
                    List.of("a"),
                    "debug",
                    true,
                    "logging",
                    Map.of("level", "info", "handlers", List.of("stream")))));
    assertThat(raw.files())
        .containsExactly(
            dir.resolve("gordon.toml").toString(), dir.resolve("gordon-user.toml").toString());
  }

  @Test
  void eitherFileAloneIsEnough() throws Exception {
    Files.writeString(dir.resolve("gordon-user.toml"), "[core]\ndebug = true\n");
    assertThat(ConfigFiles.load(dir).tree().toPlainMap())
        .isEqualTo(Map.of("core", Map.of("debug", true)));
  }

  @Test
  void bothFilesMissingNamesTheDirectory() {
    assertThatThrownBy(() -> ConfigFiles.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "no configuration in "
                + dir
                + ": expected gordon.toml and/or "
                + "gordon-user.toml there (use -c DIR to choose another directory)");
  }

  @Test
  void aMissingDirectoryIsNamed() {
    assertThatThrownBy(() -> ConfigFiles.load(dir.resolve("nope")))
        .hasMessage("config root " + dir.resolve("nope") + " is not a directory");
  }

  @Test
  void theOriginalsOwnInvalidExampleGivesAPositionedSyntaxError() throws Exception {
    Files.writeString(
        dir.resolve("gordon.toml"),
        "[core]\nplugins = [\"foo.plugin\"]\n" + "# Plugin Config\n[\"foo\"]\nbar = baz\n");
    assertThatThrownBy(() -> ConfigFiles.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir.resolve("gordon.toml") + ":5:7: Unexpected 'b', expected a value");
  }

  @Test
  void syntaxErrorsOfBothFilesAreReportedTogether() throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), "a = 1\na = 2\n");
    Files.writeString(dir.resolve("gordon-user.toml"), "[x\n");
    ConfigException e =
        (ConfigException)
            org.assertj.core.api.Assertions.catchThrowable(() -> ConfigFiles.load(dir));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0))
        .endsWith("gordon.toml:2:1: a previously defined at line 1," + " column 1");
    assertThat(e.problems().get(1)).contains("gordon-user.toml:1:");
  }

  @Test
  void relativeRootsAreShownAsGiven() throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), "x = \n");
    Path rel = Path.of("").toAbsolutePath().relativize(dir);
    assertThatThrownBy(() -> ConfigFiles.load(rel))
        .hasMessageStartingWith(rel.resolve("gordon.toml") + ":1:");
  }

  @Test
  void aByteThatIsNotUtf8IsNamedWithItsLineAndColumn() throws Exception {
    // "# café" saved as Latin-1 on line 2: the é is the single byte 0xe9.
    Files.write(
        dir.resolve("gordon.toml"),
        "[core]\n# caf\u00e9\ndebug = true\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ConfigFiles.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            dir.resolve("gordon.toml")
                + ":2:6: byte 0xe9 at offset 12 is not UTF-8 (expected a file in UTF-8, the"
                + " encoding of TOML; save it as UTF-8)");
  }

  @Test
  void aLeadingByteOrderMarkIsIgnored() throws Exception {
    Files.write(
        dir.resolve("gordon.toml"),
        "\ufeff[core]\ndebug = true\n".getBytes(StandardCharsets.UTF_8));
    assertThat(ConfigFiles.load(dir).tree().toPlainMap())
        .isEqualTo(Map.of("core", Map.of("debug", true)));
  }
}
