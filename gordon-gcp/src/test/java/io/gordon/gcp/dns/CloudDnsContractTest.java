package io.gordon.gcp.dns;

import io.gordon.api.model.RecordSet;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.gcp.TestContext;
import io.gordon.testing.contract.OwnershipContractTest;
import io.gordon.testing.gcp.FakeGoogleApis;
import io.gordon.testing.gcp.FakeRrset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** gcp.publisher passes the publisher contract with ownership against the fake Cloud DNS API. */
class CloudDnsContractTest extends OwnershipContractTest {
  private FakeGoogleApis api;
  private CloudDnsPublisher provider;

  @BeforeAll
  void start() {
    api = FakeGoogleApis.start();
    api.dns().addZone("contract-project", "example-test", zone());
    TestContext context =
        new TestContext(
            "gcp.publisher",
            CloudDnsPublisherFactory.SPEC,
            Map.of(
                "project",
                "contract-project",
                "dns_zone",
                zone(),
                "endpoint",
                api.rootUrl(),
                "anonymous",
                true,
                "api_retry_delay",
                0.001,
                "publish_wait_timeout",
                5));
    provider = (CloudDnsPublisher) new CloudDnsPublisherFactory().create(context);
    provider.start();
  }

  @AfterAll
  void stop() {
    provider.shutdown();
    api.close();
  }

  @Override
  protected DnsProvider provider() {
    return provider;
  }

  @Override
  protected void writeExternally(RecordSet rrset) {
    api.dns()
        .put(
            "contract-project",
            "example-test",
            new FakeRrset(rrset.name(), rrset.type().name(), rrset.ttlOr(300), rrset.rdata()));
  }
}
