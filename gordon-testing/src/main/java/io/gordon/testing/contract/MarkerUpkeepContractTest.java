package io.gordon.testing.contract;

import static io.gordon.testing.contract.ContractAssertions.assertApplied;
import static io.gordon.testing.contract.ContractAssertions.assertPermanentFailure;
import static io.gordon.testing.contract.ContractAssertions.assertSameRrset;
import static io.gordon.testing.contract.ContractAssertions.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Change;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a claimed change keeps its RRset's owner marker and what it reports, alike in every provider
 * (found apart by the fifth acceptance pass and the fifth leftovers round): a replacement that
 * changes nothing is {@code unchanged}, the marker takes the record's TTL when only the TTL
 * changes, and a name that leaves no room for its marker name is refused whole. Part of {@link
 * OwnershipContractTest}.
 */
public abstract class MarkerUpkeepContractTest extends DataFidelityContractTest {
  /** This gordon's owner id in the cases. */
  protected static final String OWNER = "gordon";

  private static Change.Replace claimed(String name, int ttl, String... rdata) {
    return new Change.Replace(RecordSet.of(name, RecordType.A, ttl, rdata))
        .withOwnership(Ownership.of(OWNER));
  }

  /** The live marker RRset of {@code name}/{@code type}. */
  protected Optional<RecordSet> marker(String name, RecordType type) {
    return read(OwnerMarker.nameFor(name, type, zone()), RecordType.TXT);
  }

  private void assertMarkerTtl(String name, int ttl) {
    assertSameRrset(
        marker(name, RecordType.A),
        new OwnerMarker(OWNER, name, RecordType.A).recordSet(zone(), ttl));
  }

  @Test
  void replacingAnOwnedRrsetWithWhatItHoldsIsUnchanged() {
    String n = name("own-same");
    assertApplied(applyOne(claimed(n, 300, "192.0.2.1", "192.0.2.2")));
    assertUnchanged(applyOne(claimed(n, 300, "192.0.2.1", "192.0.2.2")));
    assertUnchanged(applyOne(claimed(n, 300, "192.0.2.2", "192.0.2.1")));
    assertSameRrset(
        read(n, RecordType.A), RecordSet.of(n, RecordType.A, 300, "192.0.2.1", "192.0.2.2"));
    assertMarkerTtl(n, 300);
  }

  @Test
  void theMarkerTakesTheRecordsTtlWhenOnlyTheTtlChanges() {
    String n = name("own-ttl");
    assertApplied(applyOne(claimed(n, 300, "192.0.2.1")));
    assertMarkerTtl(n, 300);
    assertApplied(applyOne(claimed(n, 3600, "192.0.2.1")));
    assertSameRrset(read(n, RecordType.A), RecordSet.of(n, RecordType.A, 3600, "192.0.2.1"));
    assertMarkerTtl(n, 3600);
    assertUnchanged(applyOne(claimed(n, 3600, "192.0.2.1")));
    assertApplied(applyOne(claimed(n, 60, "192.0.2.9")));
    assertMarkerTtl(n, 60);
  }

  @Test
  void aNameThatLeavesNoRoomForItsMarkerNameIsRefusedAndNothingIsWritten() {
    String n = "a." + longName(DnsNames.MAX_NAME_LENGTH - 2);
    assertThat(n).hasSize(DnsNames.MAX_NAME_LENGTH + 1); // with the trailing dot
    assertThat(assertPermanentFailure(applyOne(claimed(n, 300, "192.0.2.1"))))
        .hasMessageContaining("record " + n + " is too long for a marker name _gordon-a-h")
        .hasMessageContaining("(expected at most 253 characters)");
    assertThat(read(n, RecordType.A)).isEmpty();
  }

  /** A fresh name under the zone of exactly {@code length} characters (without trailing dot). */
  private String longName(int length) {
    String n = name("own-toolong");
    StringBuilder prefix = new StringBuilder();
    int need = length - (n.length() - 1);
    while (need > 0) {
      int label = Math.min(50, need - 1);
      if (need - label - 1 == 1) {
        label--; // leave room for a label of one and its dot
      }
      prefix.append("l".repeat(label)).append('.');
      need -= label + 1;
    }
    return prefix + n;
  }
}
