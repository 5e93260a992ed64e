package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.it.Gordon.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gordon command line, run as a real process through bin/gordon. */
class CliIT {
  static final String VALID =
      """
      [core]
      plugins = ["it.source", "it.dns"]
      metrics = "it-metrics"
      [core.route]
      consume = "publish"
      publish = "cleanup"
      [it]
      token = "hunter2"
      [it.dns]
      zone = "example.com."
      timeout = "250ms"
      [it-metrics]
      prefix = "test"
      """;

  @TempDir Path dir;

  @BeforeEach
  void installPlugins() throws Exception {
    Gordon.installFakePlugins(dir);
  }

  private Result gordon(String... args) throws Exception {
    return Gordon.run(dir, args);
  }

  private void write(String file, String toml) throws Exception {
    Files.writeString(dir.resolve(file), toml);
  }

  @Test
  void versionPrintsTheVersionAndTheJavaRuntime() throws Exception {
    Result r = gordon("version");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .matches("(?s)gordon 0.1.0-SNAPSHOT \\(commit [0-9a-f]{12}(-dirty)?\\)\njava .*");
  }

  @Test
  void everyCommandHasHelp() throws Exception {
    for (String cmd :
        new String[] {"run", "config", "plugins", "version", "docs", "apply", "replay"}) {
      Result r = gordon(cmd, "--help");
      assertThat(r.exit()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).startsWith("Usage: gordon " + cmd);
    }
    assertThat(gordon("--help").out()).startsWith("Usage: gordon [-hV] [COMMAND]");
  }

  @Test
  void badUsageExitsWithTwo() throws Exception {
    Result none = gordon();
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err())
        .startsWith(
            "Missing command: choose one of run, apply, janitor, replay,"
                + " config, plugins, version, docs\nUsage: gordon");
    Result bogus = gordon("config", "--bogus");
    assertThat(bogus.exit()).isEqualTo(2);
    assertThat(bogus.err()).startsWith("Unknown option: '--bogus'");
  }

  @Test
  void missingConfigurationNamesTheDirectory() throws Exception {
    Result r = gordon("config", "-c", "empty-dir-that-does-not-exist");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines())
        .containsExactly(
            "config root empty-dir-that-does-not-exist is not a" + " directory",
            "gordon: 1 problem in the configuration; nothing was started");
    Files.createDirectories(dir.resolve("conf"));
    Result empty = gordon("config", "-c", "conf");
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.errLines().get(0))
        .isEqualTo(
            "no configuration in conf: expected "
                + "gordon.toml and/or gordon-user.toml there (use -c DIR to choose another directory)");
  }

  @Test
  void theOriginalsInvalidExampleIsASyntaxErrorWithItsPosition() throws Exception {
    write(
        "gordon.toml",
        "[core]\nplugins = [\"foo.plugin\"]\n[\"foo\"]\n# global\nbar = baz\n"
            + "[\"foo.plugin\"]\nbaz = bla\n");
    Result r = gordon("config");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines())
        .containsExactly(
            "gordon.toml:5:7: Unexpected 'b', expected a value",
            "gordon.toml:7:7: Unexpected 'b', expected a value",
            "gordon: 2 problems in the configuration; nothing was started");
  }

  @Test
  void aValidConfigurationIsPrintedMergedWithOriginsAndSecretsRedacted() throws Exception {
    write("gordon.toml", VALID);
    write("gordon-user.toml", "[core]\ndebug = true\n");
    Result r = gordon("config");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "[core]\nplugins = [\"it.source\", \"it.dns\"]  # "
                + "gordon.toml:2:1\nmetrics = \"it-metrics\"  # gordon.toml:3:1\ndebug = true  # "
                + "gordon-user.toml:2:1\nmax_in_flight = 1000  # default\n");
    assertThat(r.out())
        .contains("[it]\ntoken = \"<redacted>\"  # gordon.toml:8:1\n")
        .doesNotContain("hunter2");
    assertThat(r.out()).contains("[core.retry]\nattempts = 5  # default\n");
  }

  @Test
  void thePrintedConfigurationIsValidTomlThatLoadsToTheSameValues() throws Exception {
    write("gordon.toml", VALID.replace("token = \"hunter2\"", "token = { env = \"HOME\" }"));
    String printed = gordon("config").out();
    Path copy = Files.createDirectories(dir.resolve("copy"));
    Gordon.installFakePlugins(copy);
    Files.writeString(copy.resolve("gordon.toml"), printed);
    Result again = gordon("config", "-c", "copy");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out().replaceAll("  #.*", "")).isEqualTo(printed.replaceAll("  #.*", ""));
  }

  @Test
  void pluginPrintsExactlyWhatOnePluginReceives() throws Exception {
    write("gordon.toml", VALID);
    Result r = gordon("config", "--plugin", "it.dns");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "fail_check = false\ntimeout = \"250ms\"\ntoken = "
                + "\"<redacted>\"  # from the config\nzone = \"example.com.\"\n");
    Result json = gordon("config", "--plugin", "it-metrics", "--format", "json");
    assertThat(json.exit()).isZero();
    assertThat(json.out()).isEqualTo("{\n  \"prefix\": \"test\"\n}\n");
  }

  @Test
  void invalidConfigurationListsEveryProblemWithItsPosition() throws Exception {
    write(
        "gordon.toml",
        VALID
            .replace("zone = \"example.com.\"", "zone = \"example.com\"\n" + "zome = 1")
            .replace("[core]", "[core]\nmax_in_fligth = 5"));
    Result r = gordon("config");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines())
        .containsExactly(
            "gordon.toml:2:1: core.max_in_fligth: unknown key; did you mean \"max_in_flight\"? "
                + "(expected one of: plugins, debug, metrics, route, max_in_flight, "
                + "shutdown_timeout, max_msg_age, max_clock_skew, dedup_window, health_threshold)",
            "gordon.toml:11:1: it.dns.zone: invalid value \"example.com\" (expected a string, "
                + "ending with a dot)",
            "gordon.toml:12:1: it.dns.zome: unknown key; did you mean \"zone\"? (expected one of: "
                + "zone, token, timeout, fail_check)",
            "gordon: 3 problems in the configuration; nothing was started");
  }

  @Test
  void loaderFailuresExitWithTwoAndNameThePlugin() throws Exception {
    write("gordon.toml", VALID.replace("\"it.dns\"]", "\"it.dns\", \"it.broken\", \"it.dsn\"]"));
    Result r = gordon("run");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "gordon.toml:2:1: core.plugins: plugin \"it.dsn\" is not installed; did you mean "
                            + "\"it.dns\"? (installed: ")
                    .contains("it.broken, it.dns, it.source, it.zone"));
    assertThat(r.errLines())
        .contains(
            "gordon.toml:2:1: it.broken: could not be created: java.lang.IllegalStateException: "
                + "cannot reach the enrichment API");
  }

  @Test
  void pluginsListsDiscoveredPluginsWithKindAliasesAndKeys() throws Exception {
    Result r = gordon("plugins");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "it.zone  (PROVIDER, phase publish, aliases: it.dns, from "
                + dir.toRealPath().resolve("plugins/it-fakes.jar")
                + ")\n    Test fake provider.\n"
                + "    zone: string, ending with a dot; required. Zone served.\n");
    assertThat(r.out()).contains("it-metrics  (METRICS, chosen with core.metrics");
  }

  @Test
  void checkProvidersReportsEachProvider() throws Exception {
    write("gordon.toml", VALID);
    Result ok = gordon("config", "--check-providers");
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).isEqualTo("ok      it.dns (zones: example.com.)\n");
    write("gordon-user.toml", "[it.dns]\nfail_check = true\n");
    Result bad = gordon("config", "--check-providers");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out())
        .isEqualTo("FAILED  it.dns: server 192.0.2.53:53 refused the " + "connection\n");
  }
}
