package io.gordon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import io.gordon.api.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidatorTest {
  static final ConfigSpec PUBLISHER =
      ConfigSpec.builder()
          .required("project", ConfigType.STRING, Rule.nonEmpty(), "Project.")
          .required("dns_zone", ConfigType.STRING, Rule.any(), "Zone.")
          .optional("default_ttl", ConfigType.INTEGER, 300L, Rule.atLeast(5), "TTL.")
          .optional("token", ConfigType.SECRET, null, Rule.any(), "Token.")
          .optional(
              "publish_wait_timeout",
              ConfigType.DURATION,
              Duration.ofSeconds(60),
              Rule.any(),
              "Wait.")
          .build();
  static final ConfigSpec CONSUMER =
      ConfigSpec.builder()
          .required("project", ConfigType.STRING, Rule.nonEmpty(), "Project.")
          .optional("topic", ConfigType.STRING, "t", Rule.any(), "Topic.")
          .build();
  static final ConfigSpec FFWD =
      ConfigSpec.builder()
          .optional("key", ConfigType.STRING, "gordon-service", Rule.any(), "Key.")
          .build();

  @TempDir Path dir;

  static final class Specs implements ConfigValidator.Specs {
    @Override
    public Optional<ConfigSpec> plugin(String name) {
      return Optional.ofNullable(
          Map.of("gcp.publisher", PUBLISHER, "gcp.event_consumer", CONSUMER).get(name));
    }

    @Override
    public Optional<ConfigSpec> relay(String name) {
      return name.equals("ffwd") ? Optional.of(FFWD) : Optional.empty();
    }

    @Override
    public Set<String> knownNames() {
      return Set.of("gcp.publisher", "gcp.event_consumer", "gcp.enricher", "ffwd");
    }
  }

  private ValidatedConfig validate(String toml) throws Exception {
    return validate(toml, Map.of());
  }

  private ValidatedConfig validate(String toml, Map<String, String> env) throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), toml);
    RawConfig raw = ConfigFiles.load(Path.of("").toAbsolutePath().relativize(dir));
    return new ConfigValidator(new Specs(), env::get).validate(raw);
  }

  private List<String> problems(ValidatedConfig v) {
    String prefix = Path.of("").toAbsolutePath().relativize(dir) + "/";
    return v.problems().stream().map(p -> p.toString().replace(prefix, "")).toList();
  }

  @Test
  void aValidConfigGivesTypedCoreSettingsAndPluginConfigs() throws Exception {
    ValidatedConfig v =
        validate(
            """
        [core]
        plugins = ["gcp.publisher"]
        metrics = "ffwd"
        shutdown_timeout = "250ms"
        [core.route]
        consume = "publish"
        [core.logging]
        level = "debug"
        datefmt = "%Y"
        [core.dead_letter]
        path = "dl/x.jsonl"
        [gcp]
        project = "p"
        [gcp.publisher]
        dns_zone = "example.com."
        publish_wait_timeout = 10
        """);
    assertThat(problems(v)).isEmpty();
    CoreSettings s = v.settings().orElseThrow();
    assertThat(s.plugins()).containsExactly("gcp.publisher");
    assertThat(s.shutdownTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.route()).isEqualTo(Map.of("consume", "publish"));
    assertThat(s.logging().level()).isEqualTo("DEBUG");
    assertThat(s.logging().dateFmt()).contains("%Y");
    assertThat(s.logging().handlers()).isEmpty();
    assertThat(s.deadLetterPath()).isEqualTo(dir.resolve("dl/x.jsonl"));
    assertThat(v.configs().get("gcp.publisher").values())
        .isEqualTo(
            Map.of(
                "project",
                "p",
                "dns_zone",
                "example.com.",
                "default_ttl",
                300L,
                "publish_wait_timeout",
                Duration.ofSeconds(10)));
    assertThat(v.configs().get("ffwd").values()).isEqualTo(Map.of("key", "gordon-service"));
  }

  @Test
  void everyProblemIsReportedWithPositionKeyAndExpectation() throws Exception {
    ValidatedConfig v =
        validate(
            """
        [core]
        plugins = ["gcp.publisher"]
        debgu = true
        max_in_flight = 0
        shutdown_timeout = "5 minutes"
        [gcp.publisher]
        dns_zone = 5
        default_ttl = 4
        projcet = "p"
        """);
    assertThat(problems(v))
        .containsExactly(
            "gordon.toml:3:1: core.debgu: unknown key; did you mean \"debug\"? (expected one of: "
                + "plugins, debug, metrics, route, max_in_flight, shutdown_timeout, max_msg_age, "
                + "max_clock_skew, dedup_window, health_threshold)",
            "gordon.toml:4:1: core.max_in_flight: invalid value 0 (expected an integer, from 1 to "
                + "1000000)",
            "gordon.toml:5:1: core.shutdown_timeout: invalid value \"5 minutes\" (expected a "
                + "duration: seconds, or a string such as \"250ms\", \"30s\", \"5m\", \"1h\", at "
                + "least 0s)",
            "gordon.toml:6:1: gcp.publisher.project: missing required key; set it in "
                + "[gcp.publisher] or [gcp] (expected a string, not empty)",
            "gordon.toml:7:1: gcp.publisher.dns_zone: invalid value 5 (expected a string)",
            "gordon.toml:8:1: gcp.publisher.default_ttl: invalid value 4 (expected an integer, at "
                + "least 5)",
            "gordon.toml:9:1: gcp.publisher.projcet: unknown key; did you mean \"project\"? "
                + "(expected one of: project, dns_zone, default_ttl, token, publish_wait_timeout)");
    assertThat(v.settings()).isEmpty();
    assertThat(v.problemsOf("gcp.publisher")).hasSize(4);
  }

  @Test
  void sharedParentKeysAreFineWhenSomeActivePluginOfTheNamespaceDeclaresThem() throws Exception {
    ValidatedConfig v =
        validate(
            """
        [core]
        plugins = ["gcp.publisher", "gcp.event_consumer"]
        [gcp]
        project = "p"
        dns_zone = "example.com."
        colour = "red"
        [gcp.event_consumer]
        dns_zone = "x."
        """);
    assertThat(problems(v))
        .containsExactly(
            "gordon.toml:6:1: gcp.colour: unknown key (expected one of: project, dns_zone, "
                + "default_ttl, token, publish_wait_timeout, topic)",
            "gordon.toml:8:1: gcp.event_consumer.dns_zone: unknown key (expected one of: project,"
                + " topic)");
    assertThat(v.problems().get(0).plugin()).isEmpty();
    assertThat(v.problems().get(1).plugin()).contains("gcp.event_consumer");
    assertThat(v.configs().get("gcp.event_consumer")).isNull();
    assertThat(v.configs().get("gcp.publisher").string("dns_zone")).isEqualTo("example.com.");
  }

  @Test
  void secretsComeFromEnvOrFilesAndAreNeverPrinted() throws Exception {
    Files.writeString(dir.resolve("tok"), "from-file\n");
    String base =
        "[core]\nplugins = [\"gcp.publisher\"]\n[gcp.publisher]\nproject = \"p\"\n"
            + "dns_zone = \"z.\"\n";
    ValidatedConfig env = validate(base + "token = { env = \"TOK\" }\n", Map.of("TOK", "s3"));
    Secret s = env.configs().get("gcp.publisher").secret("token");
    assertThat(s.reveal()).isEqualTo("s3");
    assertThat(s.origin()).isEqualTo("env TOK");
    assertThat(s).hasToString("<redacted>");
    ValidatedConfig file = validate(base + "token = { file = \"tok\" }\n");
    assertThat(file.configs().get("gcp.publisher").secret("token").reveal()).isEqualTo("from-file");
    ValidatedConfig missing = validate(base + "token = { env = \"NOPE\" }\n");
    assertThat(problems(missing))
        .containsExactly(
            "gordon.toml:6:1: gcp.publisher.token: "
                + "environment variable NOPE is not set (expected a string, { env = \"NAME\" } or "
                + "{ file = \"path\" })");
    ValidatedConfig blank = validate(base + "token = { env = \"TOK\" }\n", Map.of("TOK", ""));
    assertThat(problems(blank))
        .containsExactly(
            "gordon.toml:6:1: gcp.publisher.token: "
                + "environment variable TOK is empty (expected a string, { env = \"NAME\" } or "
                + "{ file = \"path\" })");
    Files.writeString(dir.resolve("empty"), "\n");
    ValidatedConfig emptyFile = validate(base + "token = { file = \"empty\" }\n");
    assertThat(problems(emptyFile))
        .singleElement()
        .asString()
        .startsWith("gordon.toml:6:1: gcp.publisher.token: secret file ")
        .contains("empty is empty (expected a string,");
    ValidatedConfig wrong = validate(base + "token = 12345\n");
    assertThat(problems(wrong).get(0)).contains("invalid value <redacted>").doesNotContain("12345");
  }

  @Test
  void unusedTopLevelTablesAreWarningsNotErrors() throws Exception {
    ValidatedConfig v = validate("[core]\n[foo]\nbar = 1\n[gcp.publisher]\nx = 1\n");
    assertThat(problems(v)).isEmpty();
    assertThat(v.warnings()).hasSize(1);
    assertThat(v.warnings().get(0))
        .endsWith("gordon.toml:2:1: table [foo] is not used by any " + "installed plugin; ignored");
  }

  @Test
  void routeValuesMustBeStrings() throws Exception {
    ValidatedConfig v = validate("[core.route]\nconsume = 1\n");
    assertThat(problems(v))
        .containsExactly(
            "gordon.toml:2:1: core.route.consume: invalid value"
                + " 1 (expected the name of the phase after \"consume\", e.g. \"publish\")");
  }

  @Test
  void aSingleStringIsAListAndOriginalProtoNumbersAreAccepted() throws Exception {
    ValidatedConfig v =
        validate(
            "[core]\nplugins = \"gcp.publisher\"\n[core.logging]\n"
                + "proto = 1\naddress = [\"10.99.0.1\", \"514\"]\n[gcp.publisher]\nproject = \"p\"\n"
                + "dns_zone = \"z.\"\n");
    assertThat(problems(v)).isEmpty();
    CoreSettings s = v.settings().orElseThrow();
    assertThat(s.plugins()).containsExactly("gcp.publisher");
    assertThat(s.logging().proto()).isEqualTo("tcp");
    assertThat(s.logging().address()).containsExactly("10.99.0.1", "514");
  }

  @Test
  void unknownLoggingKeysOfTheOriginalAreAcceptedWithAWarningNamingThem() throws Exception {
    ValidatedConfig v =
        validate(
            "[core.logging]\nlevel = \"debug\"\nformat = \"%(message)s\"\n"
                + "date_format = \"%Y\"\n");
    assertThat(problems(v)).isEmpty();
    assertThat(v.settings().orElseThrow().logging().level()).isEqualTo("DEBUG");
    String prefix = Path.of("").toAbsolutePath().relativize(dir) + "/";
    assertThat(v.warnings())
        .map(w -> w.replace(prefix, ""))
        .containsExactly(
            "gordon.toml:3:1: core.logging.format: not used by gordon's log handlers; ignored"
                + " (gordon reads level, handlers, fmt, date_fmt, datefmt, address, proto, facility)",
            "gordon.toml:4:1: core.logging.date_format: not used by gordon's log handlers; ignored"
                + " (gordon reads level, handlers, fmt, date_fmt, datefmt, address, proto, facility)");
  }
}
