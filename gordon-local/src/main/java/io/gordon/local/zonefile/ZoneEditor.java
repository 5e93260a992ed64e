package io.gordon.local.zonefile;

import io.gordon.api.ConflictException;
import io.gordon.api.OwnershipException;
import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Applies changes to a working copy of one zone, one at a time and in order, so that a batch
 * behaves exactly like the same changes applied one by one. A change that breaks a rule fails
 * alone; the others still apply. A change with an ownership claim is checked against its RRset's
 * owner marker ({@link OwnerMarker}), which it writes or removes in the same working copy, so the
 * record and its marker reach the file in one atomic write.
 */
final class ZoneEditor {
  static final String PROVIDER = "local.zonefile";

  private final ZoneData zone;
  private final int defaultTtl;
  private boolean modified;

  ZoneEditor(ZoneData zone, int defaultTtl) {
    this.zone = zone;
    this.defaultTtl = defaultTtl;
  }

  /** Whether any change so far altered the zone. */
  boolean modified() {
    return modified;
  }

  /**
   * The RRset a change finds, made into a {@link RecordSet} only when asked: the zone keeps RRsets
   * as text, and most changes need only to know whether it exists (a removal) or whether it holds
   * exactly the new records (a replacement, compared as text).
   */
  private static final class Live {
    private final ZoneData zone;
    private final RecordSet want;
    private final boolean present;
    private Optional<RecordSet> set;

    Live(ZoneData zone, RecordSet want) {
      this.zone = zone;
      this.want = want;
      this.present = zone.has(want.name(), want.type());
    }

    boolean isPresent() {
      return present;
    }

    boolean isEmpty() {
      return !present;
    }

    Optional<RecordSet> get() {
      if (set == null) {
        set = present ? zone.get(want.name(), want.type()) : Optional.empty();
      }
      return set;
    }
  }

  ChangeResult apply(Change change) {
    RecordSet want = change.records();
    Live live = new Live(zone, want);
    if (want.type() == RecordType.NS && want.name().equals(zone.origin())) {
      return fail(
          change,
          "NS at the zone apex "
              + zone.origin()
              + " is refused: gordon never"
              + " edits the apex NS records (edit the zone file while gordon is stopped)");
    }
    if (change.expected().isPresent()) {
      List<String> found = live.get().map(RecordSet::rdata).orElse(List.of());
      List<String> expected = change.expected().get();
      if (!sameRecords(found, expected)) {
        return new ChangeResult.Failed(
            change,
            new ConflictException(
                PROVIDER,
                zone.origin(),
                want.name(),
                want.type().name(),
                "compare-and-swap on "
                    + want.key()
                    + " expected "
                    + expected
                    + " but found "
                    + found));
      }
    }
    if (change.ownership().isPresent()) {
      return owned(change, live, change.ownership().get());
    }
    return unclaimed(change, live);
  }

  /**
   * A claimed change: checked against the RRset's owner marker, which is written (when this owner
   * did not hold it yet) and removed (when the RRset ends empty) in the same file write.
   */
  private ChangeResult owned(Change change, Live live, Ownership claim) {
    RecordSet want = change.records();
    if (OwnerMarker.isReserved(want.name())) {
      return new ChangeResult.Failed(
          change,
          new OwnershipException(
              want.name()
                  + " "
                  + want.type()
                  + " is a marker name (names starting with "
                  + OwnerMarker.PREFIX
                  + " are reserved for owner markers); not changed"));
    }
    String markerName;
    try {
      markerName = OwnerMarker.nameFor(want.name(), want.type(), zone.origin());
    } catch (IllegalArgumentException e) {
      return fail(change, e.getMessage());
    }
    Optional<RecordSet> marker = zone.get(markerName, RecordType.TXT);
    Optional<String> owner =
        marker
            .filter(m -> m.rdata().size() == 1)
            .flatMap(m -> OwnerMarker.parse(m.rdata().get(0)))
            .filter(m -> m.record().equals(want.name()) && m.type() == want.type())
            .map(OwnerMarker::ownerId);
    Optional<OwnershipException> refusal = claim.check(change, live.isPresent(), owner);
    if (refusal.isPresent()) {
      return new ChangeResult.Failed(change, refusal.get());
    }
    ChangeResult result = unclaimed(change, live);
    if (result instanceof ChangeResult.Failed) {
      return result;
    }
    Optional<RecordSet> now = zone.get(want.name(), want.type());
    if (now.isEmpty() && marker.isPresent()) {
      zone.remove(markerName, RecordType.TXT);
      modified = true;
    } else if (now.isPresent()) {
      RecordSet wanted =
          new OwnerMarker(claim.ownerId(), want.name(), want.type())
              .recordSet(zone.origin(), now.get().ttlOr(defaultTtl));
      if (marker.filter(wanted::equals).isEmpty()) { // not ours yet, or the record's TTL changed
        zone.put(wanted);
        modified = true;
        return new ChangeResult.Applied(change);
      }
    }
    return result;
  }

  /** The change itself, refused (and undone) when it would leave the zone unloadable. */
  private ChangeResult unclaimed(Change change, Live live) {
    RecordSet want = change.records();
    boolean modifiedBefore = modified;
    boolean nameServer = ZoneCheck.isApexNameServer(zone, want.name());
    if (nameServer) {
      live.get(); // the state to restore, read before the change
    }
    ChangeResult result =
        switch (change) {
          case Change.Replace r -> replace(r, live);
          case Change.Remove r -> remove(r, live);
        };
    if (result instanceof ChangeResult.Applied && nameServer) {
      Optional<String> problem = ZoneCheck.nameServerProblem(zone, want.name());
      if (problem.isPresent()) {
        live.get().ifPresentOrElse(zone::put, () -> zone.remove(want.name(), want.type()));
        modified = modifiedBefore;
        return fail(change, change.records().key() + " not changed: " + problem.get());
      }
    }
    return result;
  }

  private ChangeResult replace(Change.Replace change, Live live) {
    RecordSet want = change.records();
    List<String> others = new ArrayList<>(zone.typesAt(want.name()));
    others.remove(want.type().name());
    if (want.type() == RecordType.CNAME && !others.isEmpty()) {
      return fail(
          change,
          "cannot add a CNAME at "
              + want.name()
              + ": the name already holds "
              + String.join(", ", others)
              + " (a CNAME excludes all other data at its name)");
    }
    if (want.type() != RecordType.CNAME && others.contains("CNAME")) {
      return fail(
          change,
          "cannot add "
              + want.type()
              + " at "
              + want.name()
              + ": the name"
              + " holds a CNAME (a CNAME excludes all other data at its name)");
    }
    RecordSet next = want.ttl().isPresent() ? want : want.withTtl(defaultTtl);
    if (live.isPresent()
        && (zone.holds(next)
            || next.rdata().size() > 1 && sameAsLive(live.get().orElseThrow(), next))) {
      return new ChangeResult.Unchanged(
          change, want.key() + " already holds exactly these" + " records");
    }
    zone.put(next);
    modified = true;
    return new ChangeResult.Applied(change);
  }

  private ChangeResult remove(Change.Remove change, Live live) {
    RecordSet want = change.records();
    if (live.isEmpty()) {
      return new ChangeResult.Unchanged(change, want.key() + " does not exist");
    }
    if (change.wholeRrset()) {
      zone.remove(want.name(), want.type());
      modified = true;
      return new ChangeResult.Applied(change);
    }
    RecordSet found = live.get().orElseThrow();
    List<String> keep = new ArrayList<>(found.rdata());
    if (!keep.removeAll(want.rdata())) {
      return new ChangeResult.Unchanged(change, want.key() + " holds none of " + want.rdata());
    }
    if (keep.isEmpty()) {
      zone.remove(want.name(), want.type());
    } else {
      zone.put(found.withRdata(keep));
    }
    modified = true;
    return new ChangeResult.Applied(change);
  }

  /** Whether {@code live} holds {@code next}'s records in another order, with its TTL. */
  private static boolean sameAsLive(RecordSet live, RecordSet next) {
    return live.ttl().equals(next.ttl()) && sameRecords(live.rdata(), next.rdata());
  }

  /**
   * Whether two lists of rdata hold the same records in any order, without copying them into sets
   * when they are small or in the same order (each replacement asks: a copy each time was a fifth
   * of the allocation of a batch).
   */
  static boolean sameRecords(List<String> a, List<String> b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.size() <= 8 && b.size() <= 8) {
      return a.containsAll(b) && b.containsAll(a);
    }
    return new HashSet<>(a).equals(new HashSet<>(b));
  }

  private ChangeResult fail(Change change, String message) {
    return new ChangeResult.Failed(
        change,
        new ProviderException(
            PROVIDER,
            zone.origin(),
            change.name(),
            change.type().name(),
            false,
            PROVIDER + ": " + message,
            null));
  }
}
