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

  /** Before, an absent route printed as {@code route = { } # default}, saying nothing. */
  @Test
  void anAbsentRouteIsPrintedAsTheRouteTheServiceRuns() {
    String toml =
        ConfigPrinter.toToml(
            ConfigPrinter.effective(
                raw("[core]\nplugins = [\"local.http\"]\n"),
                Set.of(),
                Map.of("publish", "cleanup", "consume", "publish")));
    assertThat(toml)
        .doesNotContain("route =")
        .contains(
            "\n[core.route]\nconsume = \"publish\"  # default route\n"
                + "publish = \"cleanup\"  # default route\n\n");
    assertThat(ConfigFiles.parse(toml, "printed").table("core.route").orElseThrow().entries())
        .hasSize(2);
  }

  @Test
  void anEmptyRouteTableIsPrintedAsTheRouteTheServiceRunsToo() {
    String toml =
        ConfigPrinter.toToml(
            ConfigPrinter.effective(raw("[core.route]\n"), Set.of(), Map.of("consume", "publish")));
    assertThat(toml).contains("\n[core.route]\nconsume = \"publish\"  # default route\n");
  }

  @Test
  void aGivenRouteIsPrintedAsWrittenWithItsOrigin() {
    String toml =
        ConfigPrinter.toToml(
            ConfigPrinter.effective(
                raw("[core.route]\nconsume = \"enrich\"\n"),
                Set.of(),
                Map.of("consume", "publish")));
    assertThat(toml).contains("\n[core.route]\nconsume = \"enrich\"  # gordon.toml:2:1\n");
  }

  @Test
  void anEmptyInlineTableIsPrintedAsTwoBraces() {
    assertThat(ConfigPrinter.toToml(Map.of("t", new ConfigPrinter.Leaf(Map.of(), ""))))
        .isEqualTo("t = {}\n");
  }

  @Test
  void aRouteIsOrderedAsMessagesGoThenByName() {
    assertThat(
            ConfigPrinter.inChainOrder(
                Map.of(
                    "publish", "cleanup", "enrich", "publish", "consume", "enrich", "a", "b", "b",
                    "a")))
        .containsExactly(
            Map.entry("consume", "enrich"),
            Map.entry("enrich", "publish"),
            Map.entry("publish", "cleanup"),
            Map.entry("a", "b"),
            Map.entry("b", "a"));
  }
}
