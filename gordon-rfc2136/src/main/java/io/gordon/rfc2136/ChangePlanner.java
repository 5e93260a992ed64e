package io.gordon.rfc2136;

import io.gordon.api.ConflictException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Turns changes into prerequisite and update records, the safe-write patterns of RFC 2136:
 *
 * <ul>
 *   <li>Replace: delete the RRset and add the new rdata, atomically; the name must hold no CNAME
 *       ({@code nxrrset name CNAME}); a CNAME replacement needs the name unused ({@code nxdomain})
 *       unless a CNAME is there already ({@code yxrrset name CNAME}).
 *   <li>Remove: delete the listed rdata, or the RRset; what is absent is {@code Unchanged} (the
 *       live RRset is read first).
 *   <li>With {@code expected}: a value-dependent {@code yxrrset} holding exactly the expected
 *       rdata, or {@code nxrrset} when the RRset is expected absent (compare-and-swap).
 * </ul>
 */
final class ChangePlanner {
  private final Rfc2136Settings settings;

  ChangePlanner(Rfc2136Settings settings) {
    this.settings = settings;
  }

  /** The RRset to read before planning {@code change}, if any. */
  static Optional<RecordType> readBefore(Change change) {
    return switch (change) {
      case Change.Remove r -> Optional.of(r.type());
      case Change.Replace r ->
          r.type() == RecordType.CNAME && r.expected().isEmpty()
              ? Optional.of(RecordType.CNAME)
              : Optional.empty();
    };
  }

  /**
   * The RRset to read, besides {@link #readBefore}, when a claimed change is planned with its
   * marker read (the optimistic message failed: the RRset exists): a claimed replacement's own
   * RRset, read at the same time as the marker, so that a replacement that changes nothing is
   * {@code Unchanged} and sends nothing. A new RRset is never read: its optimistic message applies.
   */
  static Optional<RecordType> readToCompare(Change change) {
    return change instanceof Change.Replace r && r.ownership().isPresent()
        ? Optional.of(r.type())
        : Optional.empty();
  }

  /** Plans {@code change} without a live marker; see the method below. */
  Planned plan(int index, Change change, String zone, Optional<RecordSet> live) {
    return plan(index, change, zone, live, Optional.empty());
  }

  /**
   * Plans {@code change}; {@code live} is what {@link #readBefore} asked for, {@code marker} the
   * live marker RRset of a claimed change (see {@link Markers#markerName}). Returns either an
   * {@link Op} to send or the result, when nothing needs sending.
   */
  Planned plan(
      int index, Change change, String zone, Optional<RecordSet> live, Optional<RecordSet> marker) {
    return switch (change) {
      case Change.Replace r -> replace(index, r, zone, live, marker);
      case Change.Remove r ->
          remove(index, r, zone, live.map(RecordSet::rdata).orElse(List.of()), marker);
    };
  }

  private Planned replace(
      int index,
      Change.Replace c,
      String zone,
      Optional<RecordSet> live,
      Optional<RecordSet> marker) {
    Name n = Records.name(c.name());
    Op op = replace(index, c, n, zone, live);
    if (c.ownership().isEmpty()) {
      return new Planned.Send(op);
    }
    int ttl = c.records().ttlOr(settings.defaultTtl());
    if (Markers.holdsAlready(c, live, marker, ttl)) {
      return new Planned.Done(
          new ChangeResult.Unchanged(
              c, c.records().key() + " already holds exactly these records"));
    }
    Optional<Optional<RecordSet>> read =
        readBefore(c).isPresent() ? Optional.of(live) : Optional.empty();
    return withMarker(op, n, Markers.replace(c, n, zone, marker, read, ttl));
  }

  /** {@code op} with {@code part}'s records; {@code n} is the change's owner name. */
  private Planned withMarker(Op op, Name n, Markers.Part part) {
    if (part.refusal().isPresent()) {
      return new Planned.Done(new ChangeResult.Failed(op.change(), part.refusal().get()));
    }
    List<Record> pre = new ArrayList<>(op.prerequisites());
    pre.addAll(part.prerequisites());
    List<Record> upd = new ArrayList<>(op.updates());
    int type = Records.type(op.change().type());
    if (part.prerequisites().stream()
        .anyMatch(
            r -> r.getName().equals(n) && r.getType() == type && r.getDClass() == DClass.NONE)) {
      // the RRset must be absent: deleting it first is a no-op the server need not do
      upd.removeIf(
          r -> r.getName().equals(n) && r.getType() == type && r.getDClass() == DClass.ANY);
    }
    upd.addAll(part.updates());
    return new Planned.Send(new Op(op.index(), op.change(), op.zone(), pre, upd));
  }

  private Op replace(int index, Change.Replace c, Name n, String zone, Optional<RecordSet> live) {
    int type = Records.type(c.type());
    List<Record> pre = new ArrayList<>(expectation(c));
    if (c.type() == RecordType.CNAME) {
      if (c.expected().isEmpty()) {
        pre.add(
            live.isPresent()
                ? Record.newRecord(n, Type.CNAME, DClass.ANY, 0)
                : Record.newRecord(n, Type.ANY, DClass.NONE, 0));
      }
    } else {
      pre.add(Record.newRecord(n, Type.CNAME, DClass.NONE, 0));
    }
    List<Record> upd = new ArrayList<>();
    upd.add(Record.newRecord(n, type, DClass.ANY, 0));
    upd.addAll(
        Records.toRecords(
            n, c.type(), c.records().ttlOr(settings.defaultTtl()), c.records().rdata()));
    return new Op(index, c, zone, pre, upd);
  }

  private Planned remove(
      int index, Change.Remove c, String zone, List<String> live, Optional<RecordSet> marker) {
    Set<String> liveSet = new HashSet<>(live);
    if (c.expected().isPresent() && !liveSet.equals(new HashSet<>(c.expected().get()))) {
      return new Planned.Done(
          new ChangeResult.Failed(
              c,
              new ConflictException(
                  settings.plugin(),
                  zone,
                  c.name(),
                  c.type().name(),
                  Conflicts.mismatch(c, c.expected().get(), live))));
    }
    boolean present =
        c.wholeRrset() ? !live.isEmpty() : c.records().rdata().stream().anyMatch(liveSet::contains);
    if (!present) {
      return new Planned.Done(
          new ChangeResult.Unchanged(
              c,
              c.wholeRrset()
                  ? c.records().key() + " does not exist"
                  : "none of the rdata to remove is in " + c.records().key()));
    }
    Name n = Records.name(c.name());
    List<Record> pre = expectation(c);
    List<Record> upd =
        c.wholeRrset()
            ? List.of(Record.newRecord(n, Records.type(c.type()), DClass.ANY, 0))
            : Records.toRecords(c.name(), c.type(), 0, c.records().rdata()).stream()
                .map(r -> Records.withClass(r, DClass.NONE))
                .toList();
    Op op = new Op(index, c, zone, pre, upd);
    if (c.ownership().isEmpty()) {
      return new Planned.Send(op);
    }
    return withMarker(op, n, Markers.remove(c, zone, marker, live, Markers.removesAll(c, live)));
  }

  /** The compare-and-swap prerequisite of {@code c}, if it has an expectation. */
  private static List<Record> expectation(Change c) {
    if (c.expected().isEmpty()) {
      return List.of();
    }
    List<String> expected = c.expected().get();
    Name n = Records.name(c.name());
    if (expected.isEmpty()) {
      return List.of(
          c.type() == RecordType.CNAME
              ? Record.newRecord(n, Type.ANY, DClass.NONE, 0)
              : Record.newRecord(n, Records.type(c.type()), DClass.NONE, 0));
    }
    return Records.toRecords(c.name(), c.type(), 0, expected);
  }

  /** A planned change: something to send, or a result known without sending. */
  sealed interface Planned {
    /** Send this op. */
    record Send(Op op) implements Planned {}

    /** Nothing to send; this is the result. */
    record Done(ChangeResult result) implements Planned {}
  }
}
