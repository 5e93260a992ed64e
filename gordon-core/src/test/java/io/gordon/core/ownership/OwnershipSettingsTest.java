package io.gordon.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.config.ConfigSpec;
import io.gordon.core.config.ConfigFiles;
import io.gordon.core.config.ConfigValidator;
import io.gordon.core.config.RawConfig;
import io.gordon.core.config.ValidatedConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnershipSettingsTest {
  @TempDir Path dir;

  private ValidatedConfig validate(String ownership) throws Exception {
    Files.writeString(
        dir.resolve("gordon.toml"), "[core]\nplugins = []\n[core.ownership]\n" + ownership);
    RawConfig raw = ConfigFiles.load(dir);
    return new ConfigValidator(
            new ConfigValidator.Specs() {
              @Override
              public Optional<ConfigSpec> plugin(String name) {
                return Optional.empty();
              }

              @Override
              public Optional<ConfigSpec> relay(String name) {
                return Optional.empty();
              }

              @Override
              public Set<String> knownNames() {
                return Set.of();
              }
            },
            k -> null)
        .validate(raw);
  }

  private List<String> problems(ValidatedConfig v) {
    return v.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
  }

  @Test
  void everyKeyHasItsDocumentedDefault() throws Exception {
    assertThat(validate("").ownership()).isEqualTo(OwnershipSettings.defaults());
    assertThat(OwnershipSettings.defaults())
        .isEqualTo(
            new OwnershipSettings(
                true, "gordon", List.of(), List.of(), 0.30, 10, Duration.ofMinutes(10)));
  }

  @Test
  void keysAreReadIntoTypedSettings() throws Exception {
    OwnershipSettings s =
        validate(
                """
        enabled = true
        owner_id = "team-b"
        adopt = ["*.legacy.example.com", "www.example.com"]
        protected = ["db.example.com"]
        delete_threshold = 0.5
        min_records = 3
        window = "1m"
        """)
            .ownership();
    assertThat(s.ownerId()).isEqualTo("team-b");
    assertThat(s.adopts("a.legacy.example.com.")).isTrue();
    assertThat(s.adopts("legacy.example.com.")).isFalse();
    assertThat(s.adopts("www.example.com.")).isTrue();
    assertThat(s.protectedNames()).containsExactly(new NamePattern("db.example.com."));
    assertThat(s.deleteThreshold()).isEqualTo(0.5);
    assertThat(s.minRecords()).isEqualTo(3);
    assertThat(s.window()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void invalidValuesAreReportedWithTheirPositionAndRule() throws Exception {
    ValidatedConfig v =
        validate(
            """
        owner_id = "Team B"
        adopt = ["*.ok.example.com", "bad name"]
        delete_threshold = 1.5
        """);
    assertThat(problems(v))
        .containsExactly(
            "gordon.toml:4:1: core.ownership.owner_id: invalid value \"Team B\" (expected a"
                + " string, a lower-case letter or digit, then up to 62 of a-z, 0-9, '.', '_',"
                + " '-')",
            "gordon.toml:5:1: core.ownership.adopt: invalid value [\"*.ok.example.com\", \"bad"
                + " name\"] (expected a list of strings, names or \"*.\" suffix patterns, e.g."
                + " \"www.example.com\" or \"*.example.com\")",
            "gordon.toml:6:1: core.ownership.delete_threshold: invalid value 1.5 (expected a"
                + " number, from 0 to 1)");
  }
}
