package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.api.ConfigException;
import io.gordon.api.config.Secret;
import io.gordon.testing.fakes.FakePluginContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Rfc2136SettingsTest {
  private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==";

  private static Map<String, Object> minimal() {
    Map<String, Object> v = new HashMap<>();
    v.put("server", "127.0.0.1:5353");
    v.put("zones", List.of("Example.TEST"));
    return v;
  }

  private static Map<String, Object> signed(String algorithm) {
    Map<String, Object> v = minimal();
    v.put("tsig_key_name", "gordon-key");
    v.put("tsig_secret", SECRET);
    v.put("tsig_algorithm", algorithm);
    return v;
  }

  /** Validated as the core validates the rfc2136 table, then read. */
  private static Rfc2136Settings from(Map<String, Object> values) {
    return Rfc2136Settings.from(
        FakePluginContext.config("rfc2136", Rfc2136Spec.SPEC, values, Path.of(".")));
  }

  @Test
  void missingOptionalKeysTakeTheirDefaults() {
    Rfc2136Settings s = from(minimal());
    assertThat(s.zones()).containsExactly("example.test.");
    assertThat(s.serverText()).isEqualTo("127.0.0.1:5353");
    assertThat(s.tsig()).isEmpty();
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.tcp()).isEqualTo(Rfc2136Settings.TcpMode.AUTO);
    assertThat(s.defaultTtl()).isEqualTo(300);
    assertThat(s.maxChangesPerUpdate()).isEqualTo(500);
    assertThat(s.maxUpdatesInFlight()).isEqualTo(4);
    assertThat(s.maxBatchesInFlight()).isEqualTo(Rfc2136Spec.DEFAULT_BATCHES_IN_FLIGHT);
  }

  @Test
  void maxBatchesInFlightIsWhatTheProviderAllowsTheCorePerZone() {
    Map<String, Object> values = minimal();
    values.put("max_batches_in_flight", 3);
    Rfc2136Settings s = from(values);
    assertThat(s.maxBatchesInFlight()).isEqualTo(3);
    try (Rfc2136Provider p = TestProviders.provider(s)) {
      assertThat(p.maxConcurrentApplies()).isEqualTo(3);
    }
  }

  @Test
  void maxBatchesInFlightBelowOneIsRefusedNamingTheKeyAndTheRange() {
    Map<String, Object> values = minimal();
    values.put("max_batches_in_flight", 0);
    assertThatThrownBy(() -> from(values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rfc2136.max_batches_in_flight: invalid value 0 (expected an integer, from 1 to 16)");
  }

  @Test
  void hmacMd5IsRefusedWhenTheConfigurationIsValidated() {
    assertThatThrownBy(() -> from(signed("hmac-md5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rfc2136.tsig_algorithm: invalid value"
                + " \"hmac-md5\" (expected a string, one of \"hmac-sha1\", \"hmac-sha224\","
                + " \"hmac-sha256\", \"hmac-sha384\", \"hmac-sha512\" (hmac-md5 is refused: RFC 8945"
                + " forbids it))");
  }

  @Test
  void hmacMd5IsRefusedByTheTsigKeyItself() {
    assertThatThrownBy(
            () -> TsigSettings.of("rfc2136", "k", "hmac-md5", new Secret(SECRET, "inline")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "rfc2136.tsig_algorithm: \"hmac-md5\" is refused: RFC 8945 forbids hmac-md5"
                + " (use hmac-sha256)");
  }

  @Test
  void everyShaAlgorithmIsAcceptedInAnyCase() {
    for (String alg : TsigSettings.ALGORITHMS) {
      assertThat(from(signed(alg.toUpperCase())).tsig().orElseThrow().algorithm()).isEqualTo(alg);
    }
  }

  @Test
  void keyNameWithoutSecretIsRefusedByTheSpecsPairingCheck() {
    Map<String, Object> v = minimal();
    v.put("tsig_key_name", "gordon-key");
    assertThatThrownBy(() -> from(v))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rfc2136.tsig_key_name: given without tsig_secret (expected tsig_key_name"
                + " and tsig_secret together, or none of them: both to sign updates, neither to send"
                + " them unsigned)");
  }

  @Test
  void secretWithoutKeyNameIsReportedAtTheSecret() {
    Map<String, Object> v = minimal();
    v.put("tsig_secret", SECRET);
    assertThatThrownBy(() -> from(v))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rfc2136.tsig_secret: given without tsig_key_name (expected tsig_key_name"
                + " and tsig_secret together, or none of them: both to sign updates, neither to send"
                + " them unsigned)");
  }

  @Test
  void algorithmWithoutKeyIsRefused() {
    Map<String, Object> v = minimal();
    v.put("tsig_algorithm", "hmac-sha512");
    assertThatThrownBy(() -> from(v))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rfc2136.tsig_algorithm: given without tsig_key_name (expected"
                + " tsig_key_name as well: the algorithm is used only to sign with a TSIG key)");
  }

  @Test
  void secretThatIsNotBase64IsRefusedWithoutShowingIt() {
    Map<String, Object> v = signed("hmac-sha256");
    v.put("tsig_secret", "not base64!");
    assertThatThrownBy(() -> from(v))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rfc2136.tsig_secret: invalid value <redacted> (expected a string,"
                + " { env = \"NAME\" } or { file = \"path\" }, base64, as tsig-keygen prints it)");
  }

  @Test
  void secretNeverAppearsInToString() {
    Rfc2136Settings s = from(signed("hmac-sha256"));
    assertThat(s.toString())
        .doesNotContain(SECRET)
        .contains("TsigSettings[gordon-key, hmac-sha256, secret from inline]");
  }

  @Test
  void serverWithoutPortTakesPort53AndIpv6NeedsNoBracketsWithoutAPort() {
    Map<String, Object> v = minimal();
    v.put("server", "ns1.example.test");
    assertThat(from(v).server().getPort()).isEqualTo(53);
    v.put("server", "[::1]:5353");
    assertThat(from(v).serverText()).isEqualTo("0:0:0:0:0:0:0:1:5353");
    v.put("server", "::1");
    assertThat(from(v).server().getPort()).isEqualTo(53);
  }

  @Test
  void serverWithABadPortIsRefusedWhenTheConfigurationIsValidated() {
    Map<String, Object> v = minimal();
    v.put("server", "127.0.0.1:99999");
    assertThatThrownBy(() -> from(v))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rfc2136.server: invalid value \"127.0.0.1:99999\" (expected host:port"
                + " (port 53 when omitted) with a port from 0 to 65535 and IPv6 in brackets, e.g."
                + " 127.0.0.1:53 or [::1]:53)");
    assertThatThrownBy(() -> Rfc2136Settings.parseServer("rfc2136", "127.0.0.1:99999"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "rfc2136.server: invalid value \"127.0.0.1:99999\" (expected host:port,"
                + " e.g. 127.0.0.1:53)");
  }

  @Test
  void unknownTcpModeIsRefusedWhenTheConfigurationIsValidated() {
    Map<String, Object> v = minimal();
    v.put("tcp", "sometimes");
    assertThatThrownBy(() -> from(v))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rfc2136.tcp: invalid value \"sometimes\" (expected a string, one of"
                + " \"auto\", \"always\", \"never\")");
  }
}
