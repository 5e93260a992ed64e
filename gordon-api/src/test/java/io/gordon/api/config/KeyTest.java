package io.gordon.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyTest {
  static final Key<Duration> TIMEOUT =
      Key.duration(
          "timeout", Duration.ofSeconds(10), Rule.durationAtLeast(0.01), "How long to wait.");
  static final Key<HostPort> SERVER =
      Key.hostPort("server").defaultPort(53).required("The server.");
  static final Key<Integer> RETRIES = Key.integer("retries", 3, Rule.between(0, 10), "Retries.");
  static final Key<Optional<Secret>> TOKEN = Key.secret("token").optional("A token.");
  static final Key<List<HostPort>> BROKERS =
      Key.hostPorts("brokers")
          .rule(Rule.nonEmpty())
          .defaultsTo(List.of(new HostPort("localhost", 9092)), "Brokers.");
  static final ConfigSpec SPEC = ConfigSpec.of(TIMEOUT, SERVER, RETRIES, TOKEN, BROKERS);

  private static ConfigSpec.Result read(Map<String, ?> written) {
    return SPEC.read(written, Path.of("."), name -> name.equals("TOKEN") ? "s3cret" : null);
  }

  private static PluginConfig config(Map<String, ?> written) {
    ConfigSpec.Result r = read(written);
    assertThat(r.problems()).isEmpty();
    return new PluginConfig("p", r.values());
  }

  @Test
  void aKeyReadsItsConvertedValueOrItsDefault() {
    PluginConfig c =
        config(
            Map.of(
                "server",
                "ns1.example.com",
                "timeout",
                "250ms",
                "token",
                Map.of("env", "TOKEN"),
                "brokers",
                List.of("b1:9092", "[::1]:9093")));
    assertThat(c.get(TIMEOUT)).isEqualTo(Duration.ofMillis(250));
    assertThat(c.get(SERVER)).isEqualTo(new HostPort("ns1.example.com", 53));
    assertThat(c.get(RETRIES)).isEqualTo(3);
    assertThat(c.get(TOKEN).orElseThrow().reveal()).isEqualTo("s3cret");
    assertThat(c.get(BROKERS)).containsExactly(new HostPort("b1", 9092), new HostPort("::1", 9093));
    assertThat(config(Map.of("server", "x:1")).get(TOKEN)).isEmpty();
    assertThat(config(Map.of("server", "x:1")).get(BROKERS))
        .containsExactly(new HostPort("localhost", 9092));
  }

  @Test
  void hostPortValuesStillReadAsTextForPluginsThatReadByName() {
    PluginConfig c = config(Map.of("server", "[::1]:5353"));
    assertThat(c.string("server")).isEqualTo("[::1]:5353");
    assertThat(c.hostPort("server")).isEqualTo(new HostPort("::1", 5353));
  }

  @Test
  void everyProblemNamesTheKeyAndWhatWasExpected() {
    assertThat(
            read(Map.of(
                    "timeout", "soon", "retries", 11L, "brokers", List.of("b1"), "colour", "red"))
                .problems())
        .extracting(ConfigCheck.Problem::toString)
        .containsExactly(
            "colour: unknown key (expected one of: timeout, server, retries, token, brokers)",
            "timeout: invalid value \"soon\" (expected a duration: seconds, or a string such as"
                + " \"250ms\", \"30s\", \"5m\", \"1h\", at least 0.01s)",
            "server: missing required key (expected host:port (port 53 when omitted) with a port"
                + " from 0 to 65535 and IPv6 in brackets, e.g. 127.0.0.1:53 or [::1]:53)",
            "retries: invalid value 11 (expected an integer, from 0 to 10)",
            "brokers: invalid value [\"b1\"] (expected a list of strings, not empty, each host:port,"
                + " IPv6 in brackets)");
  }

  @Test
  void anIntegerKeyRefusesValuesBeyondAnInt() {
    Key<Integer> any = Key.integer("n").defaultsTo(1, "N.");
    assertThat(ConfigSpec.of(any).read(Map.of("n", 1L << 40), Path.of("."), n -> null).problems())
        .extracting(ConfigCheck.Problem::toString)
        .containsExactly(
            "n: invalid value 1099511627776 (expected an integer, from -2147483648 to 2147483647)");
  }

  @Test
  void readingAKeyTheConfigurationWasNotValidatedForIsAProgrammingError() {
    PluginConfig c = new PluginConfig("p", Map.of("server", 53L));
    assertThatThrownBy(() -> c.get(SERVER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "plugin p: config key \"server\" has a value of the wrong type," + " Long");
    assertThatThrownBy(() -> new PluginConfig("p", Map.of()).get(SERVER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plugin p: config key \"server\" has no value");
  }

  @Test
  void aDefaultPortNeedsAHostPortKey() {
    assertThatThrownBy(() -> Key.string("s").defaultPort(53).required("S."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "config key \"s\": a default port (53) needs type host:port and a port from"
                + " 1 to 65535");
  }
}
