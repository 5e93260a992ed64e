package io.gordon.rfc2136;

import io.gordon.api.model.RecordSet;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.testing.contract.OwnershipContractTest;
import io.gordon.testing.dns.BindServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The publisher and ownership contract against BIND 9. */
class Rfc2136BindContractIT extends OwnershipContractTest {
  private BindServer server;
  private Rfc2136Provider provider;

  @BeforeAll
  void start() {
    server = BindServer.start("example.test.");
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
