package io.gordon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigPrinterTest {
  private static RawConfig raw(String toml) {
    return new RawConfig(
        Path.of("/etc/gordon"), ConfigFiles.parse(toml, "gordon.toml"), List.of("gordon.toml"));
  }

  @Test
  void effectiveConfigShowsOriginsDefaultsAndRedactsSecrets() {
    String toml =
        ConfigPrinter.toToml(
            ConfigPrinter.effective(
                raw(
                    """
        [core]
        debug = true
        [x.y]
        api_token = "hunter2"
        tsig = "k3y"
        ref = { env = "TOKEN" }
        "odd key" = [1, 2]
        """),
                Set.of("tsig")));
    assertThat(toml)
        .startsWith(
            "[core]\ndebug = true  # gordon.toml:2:1\n"
                + "plugins = []  # default\nmetrics = \"metrics-logger\"  # default\n");
    assertThat(toml)
        .contains(
            "[x.y]\napi_token = \"<redacted>\"  # gordon.toml:4:1\n"
                + "tsig = \"<redacted>\"  # gordon.toml:5:1\nref = { env = \"TOKEN\" }  # "
                + "gordon.toml:6:1\n\"odd key\" = [1, 2]  # gordon.toml:7:1\n");
    assertThat(toml)
        .contains(
            "[core.retry]\nattempts = 5  # default\n" + "initial_delay = \"200ms\"  # default\n");
    assertThat(toml).doesNotContain("hunter2").doesNotContain("k3y");
  }

  @Test
  void aPluginsConfigPrintsSortedWithSecretsRedactedAsJsonToo() {
    Map<String, Object> tree =
        ConfigPrinter.plugin(
            new PluginConfig(
                "p",
                Map.of(
                    "zone",
                    "example.com.",
                    "timeout",
                    Duration.ofMillis(1500),
                    "ttl",
                    300L,
                    "token",
                    new Secret("s3", "env TOK"),
                    "names",
                    List.of("a", "b\"c"))));
    assertThat(ConfigPrinter.toToml(tree))
        .isEqualTo(
            "names = [\"a\", \"b\\\"c\"]\n"
                + "timeout = \"1500ms\"\ntoken = \"<redacted>\"  # from env TOK\nttl = 300\n"
                + "zone = \"example.com.\"\n");
    assertThat(ConfigPrinter.toJson(tree))
        .isEqualTo(
            "{\n  \"names\": [\"a\", \"b\\\"c\"],\n"
                + "  \"timeout\": \"1500ms\",\n  \"token\": \"<redacted>\",\n  \"ttl\": 300,\n"
                + "  \"zone\": \"example.com.\"\n}\n");
  }
}
