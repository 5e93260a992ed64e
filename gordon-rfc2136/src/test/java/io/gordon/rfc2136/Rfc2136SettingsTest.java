package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.api.ConfigException;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Secret;
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
    v.put("tsig_secret", new Secret(SECRET, "env GORDON_TSIG"));
    v.put("tsig_algorithm", algorithm);
    return v;
  }

  private static Rfc2136Settings from(Map<String, Object> values) {
    return Rfc2136Settings.from(new PluginConfig("rfc2136", values));
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
  }

  @Test
  void hmacMd5IsRefusedWithAClearConfigError() {
    assertThatThrownBy(() -> from(signed("hmac-md5"))).isInstanceOf(ConfigException.class)
        .hasMessage("rfc2136.tsig_algorithm: \"hmac-md5\" is refused: RFC 8945 forbids hmac-md5"
            + " (use hmac-sha256)");
    assertThat(Rfc2136Spec.SPEC.key("tsig_algorithm").orElseThrow().rule().check("hmac-md5"))
        .contains("one of \"hmac-sha1\", \"hmac-sha224\", \"hmac-sha256\", \"hmac-sha384\","
            + " \"hmac-sha512\" (hmac-md5 is refused: RFC 8945 forbids it)");
  }

  @Test
  void everyShaAlgorithmIsAccepted() {
    for (String alg : TsigSettings.ALGORITHMS) {
      assertThat(from(signed(alg.toUpperCase())).tsig().orElseThrow().algorithm()).isEqualTo(alg);
    }
  }

  @Test
  void keyNameWithoutSecretIsAConfigError() {
    Map<String, Object> v = minimal();
    v.put("tsig_key_name", "gordon-key");
    assertThatThrownBy(() -> from(v)).isInstanceOf(ConfigException.class)
        .hasMessage("rfc2136: tsig_key_name and tsig_secret go together (give both to sign"
            + " updates, or neither to send them unsigned)");
  }

  @Test
  void secretThatIsNotBase64IsAConfigErrorThatDoesNotShowIt() {
    Map<String, Object> v = signed("hmac-sha256");
    v.put("tsig_secret", new Secret("not base64!", "file /etc/gordon/tsig"));
    assertThatThrownBy(() -> from(v)).isInstanceOf(ConfigException.class)
        .hasMessage("rfc2136.tsig_secret (file /etc/gordon/tsig): is not a non-empty base64"
            + " string (as tsig-keygen prints it)");
  }

  @Test
  void secretNeverAppearsInToString() {
    Rfc2136Settings s = from(signed("hmac-sha256"));
    assertThat(s.toString()).doesNotContain(SECRET)
        .contains("TsigSettings[gordon-key, hmac-sha256, secret from env GORDON_TSIG]");
  }

  @Test
  void serverWithoutPortOrWithABadPortIsRejected() {
    assertThat(Rfc2136Settings.parseServer("rfc2136", "ns1.example.test").getPort())
        .isEqualTo(53);
    assertThatThrownBy(() -> Rfc2136Settings.parseServer("rfc2136", "127.0.0.1:99999"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("rfc2136.server: invalid value \"127.0.0.1:99999\" (expected host:port,"
            + " e.g. 127.0.0.1:53)");
  }

  @Test
  void unknownTcpModeIsRejected() {
    Map<String, Object> v = minimal();
    v.put("tcp", "sometimes");
    assertThatThrownBy(() -> from(v)).isInstanceOf(ConfigException.class)
        .hasMessage("rfc2136.tcp: invalid value \"sometimes\" (expected one of \"auto\","
            + " \"always\", \"never\")");
  }
}
