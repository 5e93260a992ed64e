package io.gordon.local.zonefile;

import io.gordon.api.ConflictException;
import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
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
 * alone; the others still apply.
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

  ChangeResult apply(Change change) {
    RecordSet want = change.records();
    Optional<RecordSet> live = zone.get(want.name(), want.type());
    if (want.type() == RecordType.NS && want.name().equals(zone.origin())) {
      return fail(change, "NS at the zone apex " + zone.origin() + " is refused: gordon never"
          + " edits the apex NS records (edit the zone file while gordon is stopped)");
    }
    if (change.expected().isPresent()) {
      List<String> found = live.map(RecordSet::rdata).orElse(List.of());
      List<String> expected = change.expected().get();
      if (!new HashSet<>(found).equals(new HashSet<>(expected))) {
        return new ChangeResult.Failed(change, new ConflictException(PROVIDER, zone.origin(),
            want.name(), want.type().name(), "compare-and-swap on " + want.key() + " expected "
                + expected + " but found " + found));
      }
    }
    ChangeResult result = switch (change) {
      case Change.Replace r -> replace(r, live);
      case Change.Remove r -> remove(r, live);
    };
    if (result instanceof ChangeResult.Applied && ZoneCheck.isApexNameServer(zone, want.name())) {
      Optional<String> problem = ZoneCheck.nameServerProblem(zone, want.name());
      if (problem.isPresent()) {
        live.ifPresentOrElse(zone::put, () -> zone.remove(want.name(), want.type()));
        return fail(change, change.records().key() + " not changed: " + problem.get());
      }
    }
    return result;
  }

  private ChangeResult replace(Change.Replace change, Optional<RecordSet> live) {
    RecordSet want = change.records();
    List<String> others = new ArrayList<>(zone.typesAt(want.name()));
    others.remove(want.type().name());
    if (want.type() == RecordType.CNAME && !others.isEmpty()) {
      return fail(change, "cannot add a CNAME at " + want.name() + ": the name already holds "
          + String.join(", ", others) + " (a CNAME excludes all other data at its name)");
    }
    if (want.type() != RecordType.CNAME && others.contains("CNAME")) {
      return fail(change, "cannot add " + want.type() + " at " + want.name() + ": the name"
          + " holds a CNAME (a CNAME excludes all other data at its name)");
    }
    RecordSet next = want.ttl().isPresent() ? want : want.withTtl(defaultTtl);
    if (live.isPresent() && live.get().ttl().equals(next.ttl())
        && new HashSet<>(live.get().rdata()).equals(new HashSet<>(next.rdata()))) {
      return new ChangeResult.Unchanged(change, want.key() + " already holds exactly these"
          + " records");
    }
    zone.put(next);
    modified = true;
    return new ChangeResult.Applied(change);
  }

  private ChangeResult remove(Change.Remove change, Optional<RecordSet> live) {
    RecordSet want = change.records();
    if (live.isEmpty()) {
      return new ChangeResult.Unchanged(change, want.key() + " does not exist");
    }
    if (change.wholeRrset()) {
      zone.remove(want.name(), want.type());
      modified = true;
      return new ChangeResult.Applied(change);
    }
    List<String> keep = new ArrayList<>(live.get().rdata());
    if (!keep.removeAll(want.rdata())) {
      return new ChangeResult.Unchanged(change, want.key() + " holds none of " + want.rdata());
    }
    if (keep.isEmpty()) {
      zone.remove(want.name(), want.type());
    } else {
      zone.put(live.get().withRdata(keep));
    }
    modified = true;
    return new ChangeResult.Applied(change);
  }

  private ChangeResult fail(Change change, String message) {
    return new ChangeResult.Failed(change, new ProviderException(PROVIDER, zone.origin(),
        change.name(), change.type().name(), false, PROVIDER + ": " + message, null));
  }
}
