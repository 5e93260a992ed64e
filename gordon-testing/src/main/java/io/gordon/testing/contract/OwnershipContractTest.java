package io.gordon.testing.contract;

import static io.gordon.testing.contract.ContractAssertions.assertApplied;
import static io.gordon.testing.contract.ContractAssertions.assertPermanentFailure;
import static io.gordon.testing.contract.ContractAssertions.assertSameRrset;
import static io.gordon.testing.contract.ContractAssertions.assertSucceeded;
import static io.gordon.testing.contract.ContractAssertions.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.GordonException;
import io.gordon.api.OwnershipException;
import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The publisher contract plus ownership (see {@link Ownership} and {@link OwnerMarker}): a claimed
 * change writes and removes the RRset's owner marker atomically with the record and never touches
 * an RRset owned by nobody or by another owner id. A provider that supports ownership extends this
 * class instead of {@link PublisherContractTest}; it inherits {@link MarkerUpkeepContractTest} and
 * {@link DataFidelityContractTest} too.
 */
public abstract class OwnershipContractTest extends MarkerUpkeepContractTest {
  private static final Ownership CLAIM = Ownership.of(OWNER);

  private static Change.Replace claimedReplace(
      Ownership claim, String name, RecordType type, String... rdata) {
    return new Change.Replace(RecordSet.of(name, type, 300, rdata)).withOwnership(claim);
  }

  private static Change.Remove claimedRemove(
      Ownership claim, String name, RecordType type, String... rdata) {
    return new Change.Remove(RecordSet.of(name, type, List.of(rdata))).withOwnership(claim);
  }

  private void assertMarker(String name, RecordType type, String owner) {
    Optional<RecordSet> live = marker(name, type);
    assertThat(live).as("marker of %s %s", name, type).isPresent();
    assertThat(live.orElseThrow().rdata())
        .containsExactly(new OwnerMarker(owner, name, type).rdata());
  }

  private static void assertNotOwned(
      GordonException error, String name, RecordType type, String owner) {
    assertThat(error)
        .isInstanceOf(OwnershipException.class)
        .hasMessage(
            name
                + " "
                + type
                + " exists and is owned by "
                + owner
                + " (this gordon is '"
                + OWNER
                + "'); not changed");
  }

  @Test
  void newRrsetTakesOwnershipAndWritesItsMarker() {
    String n = name("own-new");
    var change = claimedReplace(CLAIM, n, RecordType.A, "192.0.2.1", "192.0.2.2");
    assertApplied(applyOne(change));
    assertSameRrset(read(n, RecordType.A), change.records());
    assertMarker(n, RecordType.A, OWNER);
  }

  @Test
  void ownedRrsetCanBeReplacedAgainAndKeepsOneMarker() {
    String n = name("own-again");
    assertApplied(applyOne(claimedReplace(CLAIM, n, RecordType.AAAA, "2001:db8::1")));
    var second = claimedReplace(CLAIM, n, RecordType.AAAA, "2001:db8::2");
    assertApplied(applyOne(second));
    assertSucceeded(applyOne(second));
    assertSameRrset(read(n, RecordType.AAAA), second.records());
    assertMarker(n, RecordType.AAAA, OWNER);
  }

  @Test
  void unclaimedChangesWriteNoMarker() {
    String n = name("own-unclaimed");
    assertApplied(applyOne(replace(n, RecordType.A, 300, "192.0.2.1")));
    assertThat(marker(n, RecordType.A)).isEmpty();
  }

  @Test
  void replacingAnUnownedRrsetFailsAndLeavesItUnchanged() {
    String n = name("own-foreign");
    RecordSet handMade = RecordSet.of(n, RecordType.A, 300, "192.0.2.7");
    writeExternally(handMade);
    GordonException error =
        assertPermanentFailure(applyOne(claimedReplace(CLAIM, n, RecordType.A, "192.0.2.1")));
    assertNotOwned(error, n, RecordType.A, "none");
    assertSameRrset(read(n, RecordType.A), handMade);
    assertThat(marker(n, RecordType.A)).isEmpty();
  }

  @Test
  void deletingAnUnownedRrsetFailsAndLeavesItUnchanged() {
    String n = name("own-foreign-del");
    RecordSet handMade = RecordSet.of(n, RecordType.A, 300, "192.0.2.7", "192.0.2.8");
    writeExternally(handMade);
    assertNotOwned(
        assertPermanentFailure(applyOne(claimedRemove(CLAIM, n, RecordType.A))),
        n,
        RecordType.A,
        "none");
    assertNotOwned(
        assertPermanentFailure(applyOne(claimedRemove(CLAIM, n, RecordType.A, "192.0.2.7"))),
        n,
        RecordType.A,
        "none");
    assertNotOwned(
        assertPermanentFailure(
            applyOne(claimedRemove(new Ownership(OWNER, true), n, RecordType.A))),
        n,
        RecordType.A,
        "none");
    assertSameRrset(read(n, RecordType.A), handMade);
  }

  @Test
  void removingWhatIsAbsentIsUnchanged() {
    assertUnchanged(applyOne(claimedRemove(CLAIM, name("own-absent"), RecordType.A)));
  }

  @Test
  void anotherOwnersRrsetIsNeverTouched() {
    String n = name("own-other");
    Ownership teamB = Ownership.of("team-b");
    var theirs = claimedReplace(teamB, n, RecordType.TXT, "\"theirs\"");
    assertApplied(applyOne(theirs));
    assertNotOwned(
        assertPermanentFailure(applyOne(claimedReplace(CLAIM, n, RecordType.TXT, "\"mine\""))),
        n,
        RecordType.TXT,
        "'team-b'");
    assertNotOwned(
        assertPermanentFailure(
            applyOne(claimedReplace(new Ownership(OWNER, true), n, RecordType.TXT, "\"mine\""))),
        n,
        RecordType.TXT,
        "'team-b'");
    assertNotOwned(
        assertPermanentFailure(applyOne(claimedRemove(CLAIM, n, RecordType.TXT))),
        n,
        RecordType.TXT,
        "'team-b'");
    assertSameRrset(read(n, RecordType.TXT), theirs.records());
    assertMarker(n, RecordType.TXT, "team-b");
  }

  @Test
  void twoOwnersKeepTheirOwnTypesAtOneName() {
    String n = name("own-two");
    assertApplied(applyOne(claimedReplace(Ownership.of("team-b"), n, RecordType.A, "192.0.2.1")));
    assertApplied(applyOne(claimedReplace(CLAIM, n, RecordType.AAAA, "2001:db8::1")));
    assertMarker(n, RecordType.A, "team-b");
    assertMarker(n, RecordType.AAAA, OWNER);
  }

  @Test
  void adoptTakesOverAnUnownedRrset() {
    String n = name("own-adopt");
    writeExternally(RecordSet.of(n, RecordType.A, 300, "192.0.2.7"));
    var adopt = claimedReplace(new Ownership(OWNER, true), n, RecordType.A, "192.0.2.1");
    assertApplied(applyOne(adopt));
    assertSameRrset(read(n, RecordType.A), adopt.records());
    assertMarker(n, RecordType.A, OWNER);
    assertApplied(applyOne(claimedRemove(CLAIM, n, RecordType.A)));
    assertThat(read(n, RecordType.A)).isEmpty();
    assertThat(marker(n, RecordType.A)).isEmpty();
  }

  @Test
  void deletingTheLastRdataRemovesTheMarker() {
    String n = name("own-last");
    assertApplied(applyOne(claimedReplace(CLAIM, n, RecordType.A, "192.0.2.1", "192.0.2.2")));
    assertApplied(applyOne(claimedRemove(CLAIM, n, RecordType.A, "192.0.2.1")));
    assertSameRrset(read(n, RecordType.A), RecordSet.of(n, RecordType.A, 300, "192.0.2.2"));
    assertMarker(n, RecordType.A, OWNER);
    assertApplied(applyOne(claimedRemove(CLAIM, n, RecordType.A, "192.0.2.2")));
    assertThat(read(n, RecordType.A)).isEmpty();
    assertThat(marker(n, RecordType.A)).isEmpty();
  }

  @Test
  void deletingTheWholeRrsetRemovesTheMarker() {
    String n = name("own-whole");
    assertApplied(applyOne(claimedReplace(CLAIM, n, RecordType.MX, "10 mail.example.net.")));
    assertApplied(applyOne(claimedRemove(CLAIM, n, RecordType.MX)));
    assertThat(read(n, RecordType.MX)).isEmpty();
    assertThat(marker(n, RecordType.MX)).isEmpty();
  }

  @Test
  void markerNeverClashesWithACnameAtTheRecordsName() {
    String n = name("own-cname");
    var cname = claimedReplace(CLAIM, n, RecordType.CNAME, "target." + zone());
    assertApplied(applyOne(cname));
    assertSameRrset(read(n, RecordType.CNAME), cname.records());
    assertMarker(n, RecordType.CNAME, OWNER);
    assertThat(OwnerMarker.nameFor(n, RecordType.CNAME, zone())).doesNotEndWith("." + n);
    var retarget = claimedReplace(CLAIM, n, RecordType.CNAME, "other." + zone());
    assertApplied(applyOne(retarget));
    assertSameRrset(read(n, RecordType.CNAME), retarget.records());
    assertApplied(applyOne(claimedRemove(CLAIM, n, RecordType.CNAME)));
    assertThat(marker(n, RecordType.CNAME)).isEmpty();
  }

  @Test
  void wildcardRrsetGetsItsSiblingMarker() {
    String n = "*." + name("own-wild");
    assertApplied(applyOne(claimedReplace(CLAIM, n, RecordType.A, "192.0.2.1")));
    assertThat(OwnerMarker.nameFor(n, RecordType.A, zone())).startsWith("_gordon-a-*.");
    assertMarker(n, RecordType.A, OWNER);
  }

  @Test
  void longFirstLabelGetsAHashedMarker() {
    String n = name("own-" + "l".repeat(44));
    assertApplied(applyOne(claimedReplace(CLAIM, n, RecordType.A, "192.0.2.1")));
    assertThat(OwnerMarker.nameFor(n, RecordType.A, zone()))
        .matches("_gordon-a-h[a-z2-7]{26}\\..*");
    assertMarker(n, RecordType.A, OWNER);
  }

  @Test
  void longNameHasAMarkerOfSeveralTxtStringsThatIsReadBackAsItsOwner() {
    String n = name("own-long");
    while (n.length() < 230) {
      n = "l".repeat(Math.min(40, 230 - n.length())) + "." + n;
    }
    assertThat(new OwnerMarker(OWNER, n, RecordType.A).content()).hasSizeGreaterThan(255);
    assertApplied(applyOne(claimedReplace(CLAIM, n, RecordType.A, "192.0.2.1")));
    assertMarker(n, RecordType.A, OWNER);
    var second = claimedReplace(CLAIM, n, RecordType.A, "192.0.2.2");
    assertApplied(applyOne(second));
    assertSameRrset(read(n, RecordType.A), second.records());
    assertApplied(applyOne(claimedRemove(CLAIM, n, RecordType.A, "192.0.2.2")));
    assertThat(read(n, RecordType.A)).isEmpty();
    assertThat(marker(n, RecordType.A)).isEmpty();
  }

  @Test
  void claimedChangesToMarkerNamesAreRefused() {
    String marker = OwnerMarker.nameFor(name("own-reserved"), RecordType.A, zone());
    assertPermanentFailure(applyOne(claimedReplace(CLAIM, marker, RecordType.TXT, "\"x\"")));
    assertThat(read(marker, RecordType.TXT)).isEmpty();
  }

  @Test
  void oneUnownedRrsetInABatchFailsAloneAndTheOthersTakeOwnership() {
    String foreign = name("own-batch-foreign");
    writeExternally(RecordSet.of(foreign, RecordType.A, 300, "192.0.2.7"));
    String a = name("own-batch");
    String b = name("own-batch");
    var results =
        apply(
            claimedReplace(CLAIM, a, RecordType.A, "192.0.2.1"),
            claimedReplace(CLAIM, foreign, RecordType.A, "192.0.2.1"),
            claimedReplace(CLAIM, b, RecordType.A, "192.0.2.2"));
    assertApplied(results.get(0));
    assertNotOwned(assertPermanentFailure(results.get(1)), foreign, RecordType.A, "none");
    assertApplied(results.get(2));
    assertMarker(a, RecordType.A, OWNER);
    assertMarker(b, RecordType.A, OWNER);
    assertSameRrset(
        read(foreign, RecordType.A), RecordSet.of(foreign, RecordType.A, 300, "192.0.2.7"));
  }
}
