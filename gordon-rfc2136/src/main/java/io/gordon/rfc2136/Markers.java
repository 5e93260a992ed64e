package io.gordon.rfc2136;

import io.gordon.api.OwnershipException;
import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The owner-marker part of a claimed change's UPDATE (see {@link OwnerMarker}). The marker RRset as
 * read is a prerequisite (its exact value, or its absence), so that a concurrent change of
 * ownership makes the whole message fail instead of being overwritten:
 *
 * <ul>
 *   <li>Replace of an RRset this owner owns: only the marker prerequisite, and the marker written
 *       again when the record's TTL changes (the marker follows it).
 *   <li>Replace adopting an RRset without marker: the marker is written.
 *   <li>Replace otherwise: the RRset must be absent ({@code nxrrset}); the marker is written. A
 *       failed prerequisite is then described as an ownership refusal by {@link Conflicts}.
 *   <li>Remove: refused unless owned; when no rdata will remain, the RRset's exact value is a
 *       prerequisite too and the marker is removed in the same message.
 * </ul>
 */
final class Markers {
  private Markers() {}

  /** The prerequisites and updates to add to a change's own, or why it is refused. */
  record Part(
      List<Record> prerequisites, List<Record> updates, Optional<OwnershipException> refusal) {
    static Part refused(OwnershipException e) {
      return new Part(List.of(), List.of(), Optional.of(e));
    }
  }

  /** The marker name of a claimed change, or empty for an unclaimed one. */
  static Optional<String> markerName(Change c, String zone) {
    return c.ownership().map(o -> OwnerMarker.nameFor(c.name(), c.type(), zone));
  }

  /** The owner id the live marker RRset names for {@code c}'s RRset, if it is a valid marker. */
  static Optional<String> owner(Change c, Optional<RecordSet> marker) {
    return marker
        .filter(m -> m.rdata().size() == 1)
        .flatMap(m -> OwnerMarker.parse(m.rdata().get(0)))
        .filter(m -> m.record().equals(c.name()) && m.type() == c.type())
        .map(OwnerMarker::ownerId);
  }

  /**
   * The marker part of replacement {@code c}.
   *
   * @param owner {@code c}'s name, parsed
   * @param live the live RRset, when it was read (CNAME replacements); empty when not read
   */
  static Part replace(
      Change.Replace c,
      Name owner,
      String zone,
      Optional<RecordSet> marker,
      Optional<Optional<RecordSet>> live,
      int ttl) {
    Ownership claim = c.ownership().orElseThrow();
    Optional<String> current = owner(c, marker);
    if (live.isPresent()) {
      Optional<OwnershipException> refusal = claim.check(c, live.get().isPresent(), current);
      if (refusal.isPresent()) {
        return Part.refused(refusal.get());
      }
    }
    Name name = Records.name(OwnerMarker.nameFor(c.name(), c.type(), zone));
    List<Record> pre = new ArrayList<>(asRead(name, marker));
    if (current.filter(claim.ownerId()::equals).isPresent()) {
      if (marker.orElseThrow().ttl().equals(OptionalInt.of(ttl))) {
        return new Part(pre, List.of(), Optional.empty());
      }
      // the record's TTL changes: the marker follows, so that both read alike
      return new Part(
          pre,
          write(name, true, new OwnerMarker(claim.ownerId(), c.name(), c.type()), ttl),
          Optional.empty());
    }
    if (!(current.isEmpty() && claim.adopt())) {
      pre.add(Record.newRecord(owner, Records.type(c.type()), DClass.NONE, 0));
    }
    return new Part(
        pre,
        write(name, marker.isPresent(), new OwnerMarker(claim.ownerId(), c.name(), c.type()), ttl),
        Optional.empty());
  }

  /**
   * Whether claimed replacement {@code c} would change nothing: this owner's marker with the TTL
   * {@code ttl} is there, and the RRset as read holds exactly {@code c}'s rdata with that TTL. A
   * compare-and-swap is always sent: its prerequisite decides.
   */
  static boolean holdsAlready(
      Change.Replace c, Optional<RecordSet> live, Optional<RecordSet> marker, int ttl) {
    OptionalInt want = OptionalInt.of(ttl);
    return c.ownership().isPresent()
        && c.expected().isEmpty()
        && owner(c, marker).equals(Optional.of(c.ownership().get().ownerId()))
        && marker.orElseThrow().ttl().equals(want)
        && live.filter(l -> l.ttl().equals(want)).isPresent()
        && new HashSet<>(live.get().rdata()).equals(new HashSet<>(c.records().rdata()));
  }

  /**
   * The marker part of removal {@code c} of rdata from the present RRset {@code live}.
   *
   * @param removesAll whether no rdata remain after the removal
   */
  static Part remove(
      Change.Remove c,
      String zone,
      Optional<RecordSet> marker,
      List<String> live,
      boolean removesAll) {
    Ownership claim = c.ownership().orElseThrow();
    Optional<OwnershipException> refusal = claim.check(c, true, owner(c, marker));
    if (refusal.isPresent()) {
      return Part.refused(refusal.get());
    }
    Name name = Records.name(OwnerMarker.nameFor(c.name(), c.type(), zone));
    List<Record> pre = new ArrayList<>(asRead(name, marker));
    if (!removesAll) {
      return new Part(pre, List.of(), Optional.empty());
    }
    if (c.expected().isEmpty()) {
      pre.addAll(Records.toRecords(c.name(), c.type(), 0, live));
    }
    return new Part(pre, List.of(deleteRrset(name)), Optional.empty());
  }

  /** Whether removing {@code c}'s rdata from {@code live} leaves nothing. */
  static boolean removesAll(Change.Remove c, List<String> live) {
    return c.wholeRrset() || new HashSet<>(c.records().rdata()).containsAll(live);
  }

  /** The prerequisite that the marker RRset is exactly as read: that value, or absent. */
  private static List<Record> asRead(Name name, Optional<RecordSet> marker) {
    if (marker.isEmpty()) {
      return List.of(Record.newRecord(name, Type.TXT, DClass.NONE, 0));
    }
    return Records.toRecords(name, RecordType.TXT, 0, marker.get().rdata());
  }

  /** The marker's records; the old marker RRset is deleted first when there is one. */
  private static List<Record> write(Name name, boolean replacing, OwnerMarker marker, int ttl) {
    List<Record> out = new ArrayList<>();
    if (replacing) {
      out.add(deleteRrset(name));
    }
    out.addAll(Records.toRecords(name, RecordType.TXT, ttl, List.of(marker.rdata())));
    return out;
  }

  private static Record deleteRrset(Name name) {
    return Record.newRecord(name, Type.TXT, DClass.ANY, 0);
  }
}
