package io.gordon.testing.fakes;

import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.testing.contract.OwnershipContractTest;
import java.util.List;

/** The fake provider the core's tests use honours the contract, ownership included. */
class InMemoryDnsProviderContractTest extends OwnershipContractTest {
  private final InMemoryDnsProvider provider = new InMemoryDnsProvider("memory", "example.test.");

  @Override
  protected DnsProvider provider() {
    return provider;
  }

  /** An unclaimed replacement is what a writer unaware of ownership does. */
  @Override
  protected void writeExternally(RecordSet rrset) {
    provider.apply(List.of(new Change.Replace(rrset)));
  }
}
