package io.gordon.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.OwnershipException;
import io.gordon.api.ProviderException;
import io.gordon.api.RetriableException;
import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnershipProviderTest {
  private static final String ZONE = "example.com.";
  private final InMemoryDnsProvider memory = new InMemoryDnsProvider("memory", ZONE);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<String> readiness = new ArrayList<>();
  private final OwnershipProvider.Breaker sink =
      new OwnershipProvider.Breaker() {
        @Override
        public void tripped(String reason) {
          readiness.add("tripped: " + reason);
        }

        @Override
        public void cleared() {
          readiness.add("cleared");
        }
      };

  private DnsProvider wrap(OwnershipSettings s) {
    return OwnershipProvider.wrap(memory, s, clock, sink);
  }

  private static OwnershipSettings settings(
      List<String> adopt, List<String> prot, double threshold, int min) {
    return new OwnershipSettings(
        true,
        "gordon",
        NamePattern.all(adopt),
        NamePattern.all(prot),
        threshold,
        min,
        Duration.ofMinutes(10));
  }

  private static Change add(String name, String ip) {
    return new Change.Replace(RecordSet.of(name, RecordType.A, 300, ip));
  }

  private static Change delete(String name) {
    return new Change.Remove(RecordSet.of(name, RecordType.A, List.of()));
  }

  private ChangeResult applyOne(DnsProvider p, Change c) {
    List<ChangeResult> r = p.apply(List.of(c));
    assertThat(r).hasSize(1);
    assertThat(r.get(0).change()).as("result is for the change as given").isEqualTo(c);
    return r.get(0);
  }

  private static String error(ChangeResult r) {
    assertThat(r).isInstanceOf(ChangeResult.Failed.class);
    ChangeResult.Failed f = (ChangeResult.Failed) r;
    assertThat(f.error()).isInstanceOf(OwnershipException.class);
    return f.error().getMessage();
  }

  @Test
  void disabledOwnershipReturnsTheProviderItself() {
    assertThat(OwnershipProvider.wrap(memory, OwnershipSettings.disabled(), clock, sink))
        .isSameAs(memory);
  }

  @Test
  void theWrapperAllowsAsManyConcurrentCallsAsTheProviderItDelegatesTo() {
    DnsProvider three =
        new DnsProvider() {
          @Override
          public int maxConcurrentApplies() {
            return 3;
          }

          @Override
          public java.util.Set<String> zones() {
            return memory.zones();
          }

          @Override
          public List<ChangeResult> apply(List<Change> changes) {
            return memory.apply(changes);
          }

          @Override
          public java.util.Optional<RecordSet> read(String name, RecordType type) {
            return memory.read(name, type);
          }

          @Override
          public List<RecordSet> list(String zone) {
            return memory.list(zone);
          }
        };
    assertThat(OwnershipProvider.wrap(three, OwnershipSettings.defaults(), clock, sink))
        .isNotSameAs(three)
        .extracting(DnsProvider::maxConcurrentApplies)
        .isEqualTo(3);
    assertThat(wrap(OwnershipSettings.defaults()).maxConcurrentApplies()).isEqualTo(1);
  }

  @Test
  void newRecordIsWrittenWithThisOwnersMarker() {
    DnsProvider p = wrap(OwnershipSettings.defaults());
    assertThat(applyOne(p, add("www.example.com.", "192.0.2.1")))
        .isInstanceOf(ChangeResult.Applied.class);
    assertThat(memory.read("_gordon-a-www.example.com.", RecordType.TXT).orElseThrow().rdata())
        .containsExactly(new OwnerMarker("gordon", "www.example.com.", RecordType.A).rdata());
  }

  @Test
  void unownedRecordIsRefusedUnlessItsNameIsAdopted() {
    memory.apply(
        List.of(add("old.example.com.", "192.0.2.9"), add("x.legacy.example.com.", "192.0.2.9")));
    DnsProvider p = wrap(settings(List.of("*.legacy.example.com"), List.of(), 0.3, 10));
    assertThat(error(applyOne(p, add("old.example.com.", "192.0.2.1"))))
        .isEqualTo(
            "old.example.com. A exists and is owned by none (this gordon is 'gordon');"
                + " not changed");
    assertThat(applyOne(p, add("x.legacy.example.com.", "192.0.2.1")))
        .isInstanceOf(ChangeResult.Applied.class);
    assertThat(memory.read("old.example.com.", RecordType.A).orElseThrow().rdata())
        .containsExactly("192.0.2.9");
  }

  @Test
  void apexNsIsProtected() {
    assertThat(
            error(
                applyOne(
                    wrap(OwnershipSettings.defaults()),
                    new Change.Replace(RecordSet.of(ZONE, RecordType.NS, 300, "ns.evil.test.")))))
        .isEqualTo(
            "example.com. NS is protected: gordon never changes the SOA and NS records"
                + " at the apex of zone example.com.; not changed");
  }

  @Test
  void glueOfAnInZoneNameServerIsProtected() {
    memory.apply(
        List.of(
            new Change.Replace(
                RecordSet.of(
                    "sub.example.com.",
                    RecordType.NS,
                    300,
                    "ns1.sub.example.com.",
                    "ns.other.test."))));
    DnsProvider p = wrap(OwnershipSettings.defaults());
    assertThat(error(applyOne(p, add("ns1.sub.example.com.", "192.0.2.53"))))
        .isEqualTo(
            "ns1.sub.example.com. A is protected: it is glue (the address of name server"
                + " ns1.sub.example.com. of zone example.com.); not changed");
    assertThat(applyOne(p, add("ns2.example.com.", "192.0.2.54")))
        .isInstanceOf(ChangeResult.Applied.class);
  }

  @Test
  void dataAtOrBelowADelegationIsRefusedAsNeverServed() {
    memory.apply(
        List.of(
            new Change.Replace(
                RecordSet.of("sub.example.com.", RecordType.NS, 300, "ns.other.test."))));
    DnsProvider p = wrap(OwnershipSettings.defaults());
    assertThat(error(applyOne(p, add("www.sub.example.com.", "192.0.2.80"))))
        .isEqualTo(
            "www.sub.example.com. A is refused: it is below the delegation sub.example.com. NS"
                + " of zone example.com., where servers answer with a referral to the child"
                + " zone, never with this record; not changed (write it in the child zone)");
    assertThat(error(applyOne(p, add("sub.example.com.", "192.0.2.81"))))
        .startsWith("sub.example.com. A is refused: it is at the delegation sub.example.com. NS");
    assertThat(applyOne(p, delete("www.sub.example.com.")))
        .as("removing what is hidden there stays possible")
        .isInstanceOf(ChangeResult.Unchanged.class);
    assertThat(applyOne(p, add("notsub.example.com.", "192.0.2.82")))
        .isInstanceOf(ChangeResult.Applied.class);
  }

  @Test
  void aDelegationGordonWritesHidesTheNamesBelowItAtOnce() {
    DnsProvider p = wrap(OwnershipSettings.defaults());
    assertThat(applyOne(p, add("www.dlg.example.com.", "192.0.2.90")))
        .isInstanceOf(ChangeResult.Applied.class);
    assertThat(
            applyOne(
                p,
                new Change.Replace(
                    RecordSet.of("dlg.example.com.", RecordType.NS, 300, "ns.other.test."))))
        .isInstanceOf(ChangeResult.Applied.class);
    assertThat(error(applyOne(p, add("www.dlg.example.com.", "192.0.2.91"))))
        .startsWith(
            "www.dlg.example.com. A is refused: it is below the delegation dlg.example.com.");
  }

  @Test
  void protectedListIsRefusedNamingThePattern() {
    DnsProvider p = wrap(settings(List.of(), List.of("*.infra.example.com"), 0.3, 10));
    assertThat(error(applyOne(p, delete("db.infra.example.com."))))
        .isEqualTo(
            "db.infra.example.com. A is protected by core.ownership.protected"
                + " (\"*.infra.example.com.\"); not changed");
  }

  @Test
  void reservedMarkerNamesAreRefused() {
    assertThat(
            error(
                applyOne(
                    wrap(OwnershipSettings.defaults()),
                    new Change.Replace(
                        RecordSet.of("_gordon-a-www.example.com.", RecordType.TXT, 300, "\"x\"")))))
        .isEqualTo(
            "_gordon-a-www.example.com. TXT is refused: names starting with _gordon- are"
                + " reserved for gordon's owner markers");
  }

  @Test
  void glueThatCannotBeReadFailsRetriably() {
    DnsProvider p =
        OwnershipProvider.wrap(
            new ThrowingReads(memory), OwnershipSettings.defaults(), clock, sink);
    ChangeResult r = applyOne(p, add("www.example.com.", "192.0.2.1"));
    assertThat(((ChangeResult.Failed) r).error())
        .isInstanceOf(RetriableException.class)
        .hasMessage(
            "cannot read the name servers of zone example.com. to rule out glue:" + " server down");
  }

  @Test
  void glueThatTheProviderRefusesToReadFailsTheZoneAsTheProviderSaid() {
    ProviderException refused =
        new ProviderException(
            "rfc2136", "example.com.", "example.com.", "NS", false, "REFUSED query", null);
    DnsProvider p =
        OwnershipProvider.wrap(
            new ThrowingReads(memory, refused), OwnershipSettings.defaults(), clock, sink);
    ChangeResult r = applyOne(p, add("www.example.com.", "192.0.2.1"));
    ProviderException e = (ProviderException) ((ChangeResult.Failed) r).error();
    assertThat(e.retriable()).isFalse();
    assertThat(e.name()).isEmpty(); // the zone, not the record: readiness reports it
    assertThat(e.zone()).isEqualTo("example.com.");
    assertThat(e)
        .hasMessage(
            "cannot read the name servers of zone example.com. to rule out glue: REFUSED query");
  }

  /** A provider whose reads fail, as when the server is down. */
  private record ThrowingReads(InMemoryDnsProvider delegate, RuntimeException error)
      implements DnsProvider {
    ThrowingReads(InMemoryDnsProvider delegate) {
      this(delegate, new RetriableException("server down"));
    }

    @Override
    public java.util.Set<String> zones() {
      return delegate.zones();
    }

    @Override
    public List<ChangeResult> apply(List<Change> changes) {
      return delegate.apply(changes);
    }

    @Override
    public java.util.Optional<RecordSet> read(String name, RecordType type) {
      throw error;
    }

    @Override
    public List<RecordSet> list(String zone) {
      throw error;
    }
  }
}
