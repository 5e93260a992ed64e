package io.gordon.testing.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

class DnsTestServerIT {
  private static Function<String[], DnsTestServer> starter(String kind) {
    return kind.equals("bind") ? BindServer::start : KnotServer::start;
  }

  @ParameterizedTest
  @ValueSource(strings = {"bind", "knot"})
  void serverAcceptsSignedUpdatesRefusesUnsignedOnesAndStopsByPid(String kind) throws Exception {
    DnsTestServer server = starter(kind).apply(new String[] {"example.test.", "other.test."});
    long pid;
    try (server) {
      pid = server.pid();
      assertThat(server.zones()).containsExactly("example.test.", "other.test.");
      SimpleResolver resolver = new SimpleResolver(server.address());
      resolver.setTimeout(Duration.ofSeconds(2));
      Update unsigned = new Update(Name.fromString("example.test."));
      unsigned.add(Name.fromString("x.example.test."), Type.A, 300, "192.0.2.1");
      assertThat(Rcode.string(resolver.send(unsigned).getRcode()))
          .isEqualTo(kind.equals("bind") ? "REFUSED" : "NOTAUTH");
      resolver.setTSIGKey(new TSIG(TSIG.HMAC_SHA256, server.key().name(), server.key().secret()));
      Message signed = resolver.send(unsigned);
      assertThat(Rcode.string(signed.getRcode())).isEqualTo("NOERROR");
      assertThat(signed.isVerified()).isTrue();
      Message answer =
          resolver.send(
              Message.newQuery(
                  org.xbill.DNS.Record.newRecord(
                      Name.fromString("x.example.test."), Type.A, DClass.IN)));
      assertThat(answer.getSection(org.xbill.DNS.Section.ANSWER)).hasSize(1);
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(server.dir()).doesNotExist();
  }
}
