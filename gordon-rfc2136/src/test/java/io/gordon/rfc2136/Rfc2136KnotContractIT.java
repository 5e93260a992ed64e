package io.gordon.rfc2136;

import io.gordon.api.model.RecordSet;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.testing.contract.OwnershipContractTest;
import io.gordon.testing.dns.KnotServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The publisher and ownership contract against Knot DNS. */
class Rfc2136KnotContractIT extends OwnershipContractTest {
  private KnotServer server;
  private Rfc2136Provider provider;

  @BeforeAll
  void start() {
    server = KnotServer.start("example.test.");
    provider = TestProviders.provider(server);
  }

  @AfterAll
  void stop() {
    provider.shutdown();
    server.close();
  }

  @Override
  protected DnsProvider provider() {
    return provider;
  }

  @Override
  protected void writeExternally(RecordSet rrset) {
    TestProviders.writeExternally(server, rrset);
  }
}
