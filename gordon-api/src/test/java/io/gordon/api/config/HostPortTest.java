package io.gordon.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HostPortTest {
  @Test
  void hostAndPortAreParsedWithIpv6InBrackets() {
    assertThat(HostPort.parse("127.0.0.1:8053")).contains(new HostPort("127.0.0.1", 8053));
    assertThat(HostPort.parse("[::1]:80")).contains(new HostPort("::1", 80));
    assertThat(HostPort.parse("localhost:0")).contains(new HostPort("localhost", 0));
    assertThat(new HostPort("::1", 80)).hasToString("[::1]:80");
  }

  @Test
  void portsOutsideTheRangeAndMissingPartsAreRefused() {
    assertThat(HostPort.parse("host:65536")).isEmpty();
    assertThat(HostPort.parse("host:-1")).isEmpty();
    assertThat(HostPort.parse("host:")).isEmpty();
    assertThat(HostPort.parse(":53")).isEmpty();
    assertThat(HostPort.parse("host")).isEmpty();
    assertThat(HostPort.parse("::1:80")).isEmpty();
    assertThat(HostPort.parse("[::1]80")).isEmpty();
    assertThat(HostPort.parse(" host:53")).isEmpty();
    assertThat(HostPort.parse("http://host:53")).isEmpty();
  }

  @Test
  void aHostAloneTakesTheKeysDefaultPort() {
    OptionalInt dns = OptionalInt.of(53);
    assertThat(HostPort.parse("ns1.example.com", dns))
        .contains(new HostPort("ns1.example.com", 53));
    assertThat(HostPort.parse("[2001:db8::1]", dns)).contains(new HostPort("2001:db8::1", 53));
    assertThat(HostPort.parse("2001:db8::1", dns)).contains(new HostPort("2001:db8::1", 53));
    assertThat(HostPort.parse("ns1.example.com:5353", dns))
        .contains(new HostPort("ns1.example.com", 5353));
  }

  @Test
  void loopbackWildcardAndClashesAreJudgedOnTheParsedAddress() {
    assertThat(HostPort.parse("localhost:9053").orElseThrow().loopback()).isTrue();
    assertThat(HostPort.parse("[::1]:9053").orElseThrow().loopback()).isTrue();
    assertThat(HostPort.parse("0.0.0.0:1").orElseThrow().wildcard()).isTrue();
    assertThat(new HostPort("0.0.0.0", 53).clashesWith(new HostPort("127.0.0.1", 53))).isTrue();
    assertThat(new HostPort("127.0.0.1", 0).clashesWith(new HostPort("127.0.0.1", 0))).isFalse();
  }
}
