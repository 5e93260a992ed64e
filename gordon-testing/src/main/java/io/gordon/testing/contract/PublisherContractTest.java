package io.gordon.testing.contract;

import static io.gordon.testing.contract.ContractAssertions.assertApplied;
import static io.gordon.testing.contract.ContractAssertions.assertOneResultPerChange;
import static io.gordon.testing.contract.ContractAssertions.assertPermanentFailure;
import static io.gordon.testing.contract.ContractAssertions.assertSameRrset;
import static io.gordon.testing.contract.ContractAssertions.assertSucceeded;
import static io.gordon.testing.contract.ContractAssertions.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.ConflictException;
import io.gordon.api.GordonException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The publisher contract every {@link DnsProvider} must pass (see its Javadoc). A provider test
 * extends this class, starts its backend once in a non-static {@code @BeforeAll} (the class is
 * {@code PER_CLASS}), and implements {@link #provider()} and {@link #writeExternally}:
 *
 * <pre>{@code
 * class Rfc2136BindContractIT extends PublisherContractTest {
 *   BindServer bind; DnsProvider provider;
 *   @BeforeAll void start() { bind = BindServer.start("example.test."); provider = ...; }
 *   @AfterAll void stop() { bind.close(); }
 *   @Override protected DnsProvider provider() { return provider; }
 *   @Override protected void writeExternally(RecordSet rrset) { ... }
 * }
 * }</pre>
 *
 * <p>Every case uses names of its own under {@link #zone()} (unique per run), so the cases share
 * one backend, run in any order, and never need a reset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PublisherContractTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private final String run =
      Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));

  /** The provider under test; it must manage {@link #zone()}. Same instance on every call. */
  protected abstract DnsProvider provider();

  /**
   * Replaces the RRset {@code rrset} in the backend the way a concurrent writer would (another tool
   * or another gordon instance), bypassing {@link #provider()}'s compare-and-swap. Used to show
   * that a compare-and-swap notices the foreign write and that an unconditional replace wins.
   */
  protected abstract void writeExternally(RecordSet rrset);

  /** The managed zone the cases write to. */
  protected String zone() {
    return "example.test.";
  }

  /** A name outside every zone the provider manages. */
  protected String outsideName() {
    return "www.outside-managed-zones.invalid.";
  }

  /** A fresh owner name under {@link #zone()}, unique in this run. */
  protected String name(String label) {
    return label + "-" + run + "-" + COUNTER.incrementAndGet() + "." + zone();
  }

  /** Applies {@code changes} and checks there is one result per change, in order. */
  protected List<ChangeResult> apply(Change... changes) {
    List<Change> list = List.of(changes);
    List<ChangeResult> results = provider().apply(list);
    assertOneResultPerChange(list, results);
    return results;
  }

  /** Applies one change and returns its result. */
  protected ChangeResult applyOne(Change change) {
    return apply(change).get(0);
  }

  /** The live RRset. */
  protected Optional<RecordSet> read(String name, RecordType type) {
    return provider().read(name, type);
  }

  static Change.Replace replace(String name, RecordType type, int ttl, String... rdata) {
    return new Change.Replace(RecordSet.of(name, type, ttl, rdata));
  }

  static Change.Remove remove(String name, RecordType type, String... rdata) {
    return new Change.Remove(RecordSet.of(name, type, List.of(rdata)));
  }

  @Test
  void managedZonesIncludeTheContractZone() {
    assertThat(provider().zones()).contains(zone());
  }

  @Test
  void replaceCreatesTheRrsetWithItsRdataAndTtl() {
    var change = replace(name("create"), RecordType.A, 300, "192.0.2.1", "192.0.2.2");
    assertApplied(applyOne(change));
    assertSameRrset(read(change.name(), RecordType.A), change.records());
  }

  @Test
  void replaceMakesTheRrsetHoldExactlyTheNewRdataAndTtl() {
    String n = name("replace");
    assertApplied(applyOne(replace(n, RecordType.A, 300, "192.0.2.1", "192.0.2.2")));
    var second = replace(n, RecordType.A, 600, "192.0.2.3");
    assertApplied(applyOne(second));
    assertSameRrset(read(n, RecordType.A), second.records());
  }

  @Test
  void removeOfListedRdataKeepsTheOthers() {
    String n = name("remove-one");
    assertApplied(applyOne(replace(n, RecordType.A, 300, "192.0.2.1", "192.0.2.2")));
    assertApplied(applyOne(remove(n, RecordType.A, "192.0.2.1")));
    assertSameRrset(read(n, RecordType.A), RecordSet.of(n, RecordType.A, 300, "192.0.2.2"));
  }

  @Test
  void removeWithoutRdataDeletesTheWholeRrsetAndNothingElse() {
    String n = name("remove-all");
    apply(
        replace(n, RecordType.A, 300, "192.0.2.1", "192.0.2.2"),
        replace(n, RecordType.TXT, 300, "\"keep me\""));
    assertApplied(applyOne(remove(n, RecordType.A)));
    assertThat(read(n, RecordType.A)).isEmpty();
    assertSameRrset(read(n, RecordType.TXT), RecordSet.of(n, RecordType.TXT, 300, "\"keep me\""));
  }

  @Test
  void replayingTheSameChangesIsHarmless() {
    String n = name("replay");
    var add = replace(n, RecordType.AAAA, 300, "2001:db8::1");
    assertApplied(applyOne(add));
    assertSucceeded(applyOne(add));
    assertSameRrset(read(n, RecordType.AAAA), add.records());
    var delete = remove(n, RecordType.AAAA, "2001:db8::1");
    assertApplied(applyOne(delete));
    assertUnchanged(applyOne(delete));
    assertThat(read(n, RecordType.AAAA)).isEmpty();
  }

  @Test
  void removalOfMissingRecordsIsUnchangedNotAnError() {
    String n = name("missing");
    assertUnchanged(applyOne(remove(n, RecordType.A)));
    assertUnchanged(applyOne(remove(n, RecordType.A, "192.0.2.9")));
    assertApplied(applyOne(replace(n, RecordType.A, 300, "192.0.2.1")));
    assertUnchanged(applyOne(remove(n, RecordType.A, "192.0.2.9")));
    assertSameRrset(read(n, RecordType.A), RecordSet.of(n, RecordType.A, 300, "192.0.2.1"));
  }

  @Test
  void cnameIsNotAddedWhereOtherDataExists() {
    String n = name("cname-after-a");
    assertApplied(applyOne(replace(n, RecordType.A, 300, "192.0.2.1")));
    assertPermanentFailure(applyOne(replace(n, RecordType.CNAME, 300, "target." + zone())));
    assertThat(read(n, RecordType.CNAME)).isEmpty();
    assertSameRrset(read(n, RecordType.A), RecordSet.of(n, RecordType.A, 300, "192.0.2.1"));
  }

  @Test
  void otherDataIsNotAddedWhereCnameExists() {
    String n = name("a-after-cname");
    var cname = replace(n, RecordType.CNAME, 300, "target." + zone());
    assertApplied(applyOne(cname));
    assertPermanentFailure(applyOne(replace(n, RecordType.A, 300, "192.0.2.1")));
    assertPermanentFailure(applyOne(replace(n, RecordType.TXT, 300, "\"no\"")));
    assertThat(read(n, RecordType.A)).isEmpty();
    assertSameRrset(read(n, RecordType.CNAME), cname.records());
  }

  @Test
  void cnameCanBeRetargetedAndRemoved() {
    String n = name("cname");
    assertApplied(applyOne(replace(n, RecordType.CNAME, 300, "one." + zone())));
    var retarget = replace(n, RecordType.CNAME, 300, "two." + zone());
    assertApplied(applyOne(retarget));
    assertSameRrset(read(n, RecordType.CNAME), retarget.records());
    assertApplied(applyOne(remove(n, RecordType.CNAME)));
    assertThat(read(n, RecordType.CNAME)).isEmpty();
  }

  @Test
  void batchWithOneInvalidChangeAppliesAllOthers() {
    String taken = name("taken");
    assertApplied(applyOne(replace(taken, RecordType.A, 300, "192.0.2.1")));
    List<Change> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(replace(name("batch"), RecordType.A, 300, "192.0.2." + (i + 10)));
    }
    batch.add(4, replace(taken, RecordType.CNAME, 300, "target." + zone()));
    batch.add(8, replace(outsideName(), RecordType.A, 300, "192.0.2.99"));
    List<ChangeResult> results = provider().apply(batch);
    assertOneResultPerChange(batch, results);
    for (int i = 0; i < batch.size(); i++) {
      if (i == 4 || i == 8) {
        assertPermanentFailure(results.get(i));
      } else {
        assertApplied(results.get(i));
        assertSameRrset(read(batch.get(i).name(), RecordType.A), batch.get(i).records());
      }
    }
    assertSameRrset(read(taken, RecordType.A), RecordSet.of(taken, RecordType.A, 300, "192.0.2.1"));
  }

  @Test
  void changesToOneRrsetInOneBatchApplyInOrder() {
    String n = name("order");
    String gone = name("order-gone");
    List<ChangeResult> results =
        apply(
            replace(n, RecordType.A, 300, "192.0.2.1"),
            replace(gone, RecordType.A, 300, "192.0.2.1"),
            replace(n, RecordType.A, 600, "192.0.2.2", "192.0.2.3"),
            remove(gone, RecordType.A),
            remove(n, RecordType.A, "192.0.2.2"));
    results.forEach(ContractAssertions::assertApplied);
    assertSameRrset(read(n, RecordType.A), RecordSet.of(n, RecordType.A, 600, "192.0.2.3"));
    assertThat(read(gone, RecordType.A)).isEmpty();
  }

  @Test
  void compareAndSwapFailsWithConflictAfterAConcurrentWriteThenUnconditionalReplaceWins() {
    String n = name("cas");
    assertApplied(applyOne(replace(n, RecordType.A, 300, "192.0.2.1")));
    writeExternally(RecordSet.of(n, RecordType.A, 300, "192.0.2.2"));
    var cas =
        new Change.Replace(
            RecordSet.of(n, RecordType.A, 300, "192.0.2.3"), Optional.of(List.of("192.0.2.1")));
    GordonException error = assertPermanentFailure(applyOne(cas));
    assertThat(error).isInstanceOf(ConflictException.class).hasMessageContaining("192.0.2.2");
    assertSameRrset(read(n, RecordType.A), RecordSet.of(n, RecordType.A, 300, "192.0.2.2"));
    var unconditional = replace(n, RecordType.A, 300, "192.0.2.3");
    assertApplied(applyOne(unconditional));
    assertSameRrset(read(n, RecordType.A), unconditional.records());
  }

  @Test
  void compareAndSwapAppliesWhenTheLiveDataMatch() {
    String n = name("cas-ok");
    var create =
        new Change.Replace(RecordSet.of(n, RecordType.A, 300, "192.0.2.1"), Optional.of(List.of()));
    assertApplied(applyOne(create));
    assertThat(applyOne(create))
        .isInstanceOf(ChangeResult.Failed.class)
        .extracting(r -> ((ChangeResult.Failed) r).error())
        .isInstanceOf(ConflictException.class);
    var swap =
        new Change.Replace(
            RecordSet.of(n, RecordType.A, 300, "192.0.2.2"), Optional.of(List.of("192.0.2.1")));
    assertApplied(applyOne(swap));
    var wrongDelete =
        new Change.Remove(
            RecordSet.of(n, RecordType.A, List.of()), Optional.of(List.of("192.0.2.1")));
    assertThat(assertPermanentFailure(applyOne(wrongDelete))).isInstanceOf(ConflictException.class);
    var delete =
        new Change.Remove(
            RecordSet.of(n, RecordType.A, List.of()), Optional.of(List.of("192.0.2.2")));
    assertApplied(applyOne(delete));
    assertThat(read(n, RecordType.A)).isEmpty();
  }

  @Test
  void namesOutsideManagedZonesFailPermanently() {
    GordonException error =
        assertPermanentFailure(applyOne(replace(outsideName(), RecordType.A, 300, "192.0.2.1")));
    assertThat(error).hasMessageContaining(outsideName());
    assertPermanentFailure(applyOne(remove(outsideName(), RecordType.A)));
  }

  @Test
  void nsAtTheZoneApexIsRefused() {
    assertPermanentFailure(applyOne(replace(zone(), RecordType.NS, 300, "evil.example.net.")));
  }

  @Test
  void largeRrsetsRoundTrip() {
    String n = name("large");
    List<String> rdata = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rdata.add("198.51." + (i / 250) + "." + (i % 250 + 1));
    }
    var change =
        new Change.Replace(new RecordSet(n, RecordType.A, java.util.OptionalInt.of(300), rdata));
    assertApplied(applyOne(change));
    assertSameRrset(read(n, RecordType.A), change.records());
  }

  @Test
  void txtValuesWithQuotesAndSpacesRoundTrip() {
    String n = name("txt");
    var change =
        replace(
            n,
            RecordType.TXT,
            300,
            "\"hello world\"",
            "\"say \\\"hi\\\" twice\"",
            "\"two\" \"strings here\"",
            "v=spf1 include:_spf.test ~all");
    assertApplied(applyOne(change));
    assertSameRrset(read(n, RecordType.TXT), change.records());
  }

  @Test
  void readAndListAgreeWithWhatWasApplied() {
    String target = name("target");
    assertApplied(applyOne(replace(target, RecordType.A, 300, "192.0.2.7")));
    List<Change.Replace> changes =
        List.of(
            replace(name("list"), RecordType.A, 300, "192.0.2.1"),
            replace(name("list"), RecordType.MX, 600, "10 " + target),
            replace(name("list"), RecordType.SRV, 60, "10 5 443 " + target),
            replace(name("list"), RecordType.CAA, 300, "0 issue \"ca.test\""));
    apply(changes.toArray(Change[]::new)).forEach(ContractAssertions::assertApplied);
    List<RecordSet> listed = provider().list(zone());
    for (Change.Replace c : changes) {
      Optional<RecordSet> inList =
          listed.stream()
              .filter(r -> r.name().equals(c.name()) && r.type() == c.type())
              .findFirst();
      assertSameRrset(inList, c.records());
      assertSameRrset(read(c.name(), c.type()), c.records());
    }
    assertThat(listed).noneMatch(r -> r.name().equals(zone()) && r.type() == RecordType.NS);
  }
}
