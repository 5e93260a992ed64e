package io.gordon.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.core.config.ConfigFiles;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
  // Only the plugins: the test reads the defaults and origins the command prints for the rest.
  static final String CONFIG =
      """
      [core]
      plugins = ["local.http", "local.zonefile"]
      """
          + Captured.HTTP_TO_ZONEFILE;
  @TempDir Path dir;
  final Captured captured = new Captured();
  final StringWriter out = captured.out;
  final StringWriter err = captured.err;

  String config(String... args) {
    assertThat(captured.run(new ConfigCommand(), args)).as(err.toString()).isZero();
    return out.toString();
  }

  /** Before, the route a user did not write printed as {@code route = { } # default}. */
  @Test
  void theDefaultRouteIsPrintedAsTheTableTheServiceRuns() throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), CONFIG);
    String toml = config("-c", dir.toString());
    String core =
        toml.substring(toml.indexOf("[core]\n"), toml.indexOf("\n[core.admin]\n") + 1)
            .replace(dir + "/", "");
    assertThat(core)
        .isEqualTo(
            """
            [core]
            plugins = ["local.http", "local.zonefile"]  # gordon.toml:2:1
            debug = false  # default
            metrics = "metrics-logger"  # default
            max_in_flight = 1000  # default
            shutdown_timeout = "30s"  # default
            max_msg_age = "5m"  # default
            max_clock_skew = "5m"  # default
            dedup_window = "10m"  # default
            health_threshold = "30s"  # default

            [core.route]
            consume = "publish"  # default route
            publish = "cleanup"  # default route

            """);
    assertThat(ConfigFiles.parse(toml, "printed").table("core.route").orElseThrow().entries())
        .containsOnlyKeys("consume", "publish");
  }

  @Test
  void theDefaultRouteIsATableInJsonToo() throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), CONFIG);
    assertThat(config("-c", dir.toString(), "--format", "json"))
        .contains(
            "\"route\": {\n      \"consume\": \"publish\",\n      \"publish\": \"cleanup\"\n    },");
  }
}
