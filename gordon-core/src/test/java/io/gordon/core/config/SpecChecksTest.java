package io.gordon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.config.ConfigCheck;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.HostPort;
import io.gordon.api.config.Key;
import io.gordon.api.config.Rule;
import io.gordon.api.config.Secret;
import io.gordon.api.config.SourceKeys;
import io.gordon.api.plugin.PluginKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed keys, host:port values, spec checks and the common source keys, end to end. */
class SpecChecksTest {
  static final Key<HostPort> SERVER = Key.hostPort("server").defaultPort(53).required("S.");
  static final Key<Optional<String>> KEY_NAME = Key.string("tsig_key_name").optional("N.");
  static final Key<Optional<Secret>> SECRET = Key.secret("tsig_secret").optional("S.");
  static final ConfigSpec PROVIDER =
      ConfigSpec.builder()
          .keys(SERVER, KEY_NAME, SECRET)
          .check(
              ConfigCheck.together(
                  "both to sign updates, neither to send them unsigned", KEY_NAME, SECRET))
          .build();
  static final ConfigSpec SOURCE =
      SourceKeys.forPlugin(
          PluginKind.SOURCE, ConfigSpec.of(Key.string("directory", "in", Rule.nonEmpty(), "D.")));

  @TempDir Path dir;

  private ValidatedConfig validate(String toml) throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), toml);
    RawConfig raw = ConfigFiles.load(Path.of("").toAbsolutePath().relativize(dir));
    return new ConfigValidator(
            new ConfigValidator.Specs() {
              @Override
              public Optional<ConfigSpec> plugin(String name) {
                return Optional.ofNullable(
                    Map.of("dns.rfc", PROVIDER, "local.src", SOURCE).get(name));
              }

              @Override
              public Optional<ConfigSpec> relay(String name) {
                return Optional.empty();
              }

              @Override
              public Set<String> knownNames() {
                return Set.of("dns.rfc", "local.src");
              }
            },
            n -> null)
        .validate(raw);
  }

  private List<String> problems(ValidatedConfig v) {
    String prefix = Path.of("").toAbsolutePath().relativize(dir) + "/";
    return v.problems().stream().map(p -> p.toString().replace(prefix, "")).toList();
  }

  @Test
  void aSpecCheckIsReportedAtTheKeyWrittenWithItsPosition() throws Exception {
    ValidatedConfig v =
        validate(
            """
        [core]
        plugins = ["dns.rfc"]
        [dns]
        tsig_key_name = "gordon"
        [dns.rfc]
        server = "127.0.0.1"
        """);
    assertThat(problems(v))
        .containsExactly(
            "gordon.toml:4:1: dns.tsig_key_name: given without"
                + " tsig_secret (expected tsig_key_name and tsig_secret together, or none of them: both"
                + " to sign updates, neither to send them unsigned)");
    assertThat(v.problemsOf("dns.rfc")).hasSize(1);
  }

  @Test
  void aHostPortKeyIsParsedOnceWithItsDefaultPortOrReportedWithItsPosition() throws Exception {
    ValidatedConfig ok =
        validate(
            """
        [core]
        plugins = ["dns.rfc"]
        [dns.rfc]
        server = "ns1.example.com"
        """);
    assertThat(problems(ok)).isEmpty();
    assertThat(ok.configs().get("dns.rfc").get(SERVER))
        .isEqualTo(new HostPort("ns1.example.com", 53));
    ValidatedConfig bad =
        validate(
            """
        [core]
        plugins = ["dns.rfc"]
        [dns.rfc]
        server = "127.0.0.1:99999"
        """);
    assertThat(problems(bad))
        .containsExactly(
            "gordon.toml:4:1: dns.rfc.server: invalid value"
                + " \"127.0.0.1:99999\" (expected host:port (port 53 when omitted) with a port from 0 to"
                + " 65535 and IPv6 in brackets, e.g. 127.0.0.1:53 or [::1]:53)");
  }

  @Test
  void theCommonSourceKeyIsValidatedOnceForEverySourceAndFallsBackToTheCore() throws Exception {
    ValidatedConfig given =
        validate(
            """
        [core]
        plugins = ["local.src"]
        [local.src]
        max_msg_age = "90s"
        """);
    assertThat(given.configs().get("local.src").get(SourceKeys.MAX_MSG_AGE))
        .contains(Duration.ofSeconds(90));
    ValidatedConfig absent =
        validate(
            """
        [core]
        plugins = ["local.src"]
        """);
    assertThat(absent.configs().get("local.src").get(SourceKeys.MAX_MSG_AGE)).isEmpty();
    ValidatedConfig bad =
        validate(
            """
        [core]
        plugins = ["local.src"]
        [local]
        max_msg_age = "soon"
        """);
    assertThat(problems(bad))
        .containsExactly(
            "gordon.toml:4:1: local.max_msg_age: invalid value"
                + " \"soon\" (expected a duration: seconds, or a string such as \"250ms\", \"30s\","
                + " \"5m\", \"1h\", at least 0s)");
  }
}
