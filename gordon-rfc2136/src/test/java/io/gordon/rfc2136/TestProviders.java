package io.gordon.rfc2136;

import io.gordon.api.config.Secret;
import io.gordon.api.model.RecordSet;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.testing.dns.DnsTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Update;

/** Builds providers and foreign writers for a test server. */
final class TestProviders {
  private TestProviders() {}

  static Rfc2136Settings settings(DnsTestServer server, Optional<TsigSettings> tsig) {
    return new Rfc2136Settings(
        "rfc2136",
        Rfc2136Settings.parseServer("rfc2136", server.hostPort()),
        server.zones(),
        tsig,
        Duration.ofSeconds(3),
        Rfc2136Settings.TcpMode.AUTO,
        300,
        500,
        4);
  }

  static Optional<TsigSettings> key(DnsTestServer server) {
    return Optional.of(
        TsigSettings.of(
            "rfc2136",
            server.key().name(),
            server.key().algorithm(),
            new Secret(server.key().secret(), "test")));
  }

  static Rfc2136Provider provider(Rfc2136Settings settings) {
    return provider(settings, Clock.systemUTC(), MetricRelay.noop());
  }

  static Rfc2136Provider provider(Rfc2136Settings settings, Clock clock, MetricRelay metrics) {
    return new Rfc2136Provider(
        settings,
        clock,
        System.getLogger("gordon.rfc2136"),
        metrics,
        new HealthReporter() {
          @Override
          public void healthy() {}

          @Override
          public void unhealthy(String reason) {}
        });
  }

  static Rfc2136Provider provider(DnsTestServer server) {
    return provider(settings(server, key(server)));
  }

  /** Replaces {@code rrset} with a plain signed UPDATE, as another tool would. */
  static void writeExternally(DnsTestServer server, RecordSet rrset) {
    try {
      SimpleResolver r = new SimpleResolver(server.address());
      r.setTCP(true);
      r.setTSIGKey(new TSIG(TSIG.HMAC_SHA256, server.key().name(), server.key().secret()));
      String zone =
          server.zones().stream().filter(z -> rrset.name().endsWith(z)).findFirst().orElseThrow();
      Update u = new Update(Records.name(zone));
      u.delete(Records.name(rrset.name()), Records.type(rrset.type()));
      Records.toRecords(rrset, 300).forEach(u::add);
      Message m = r.send(u);
      if (m.getRcode() != Rcode.NOERROR) {
        throw new IllegalStateException("external write answered " + Rcode.string(m.getRcode()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
