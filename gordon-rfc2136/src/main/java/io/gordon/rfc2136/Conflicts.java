package io.gordon.rfc2136;

import io.gordon.api.ConflictException;
import io.gordon.api.GordonException;
import io.gordon.api.OwnershipException;
import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.xbill.DNS.Rcode;

/**
 * Describes a failed prerequisite as an {@link OwnershipException} (a claimed change met an RRset
 * it does not own) or a {@link ConflictException} stating what was expected and what was found,
 * re-reading the live data to say so.
 */
final class Conflicts {
  private final Rfc2136Settings settings;
  private final BiFunction<String, RecordType, Optional<RecordSet>> reader;
  private final java.util.function.Function<String, String> nameContents;

  /**
   * @param reader reads one RRset
   * @param nameContents describes every RRset at a name, e.g. {@code "A 192.0.2.1"}
   */
  Conflicts(
      Rfc2136Settings settings,
      BiFunction<String, RecordType, Optional<RecordSet>> reader,
      java.util.function.Function<String, String> nameContents) {
    this.settings = settings;
    this.reader = reader;
    this.nameContents = nameContents;
  }

  /** "expected X/T to hold [..] but found [..]" for a compare-and-swap that does not match. */
  static String mismatch(Change c, List<String> expected, List<String> found) {
    String want = expected.isEmpty() ? "to be absent" : "to hold " + expected;
    String got = found.isEmpty() ? "found none" : "found " + found;
    return "expected " + c.records().key() + " " + want + " but " + got;
  }

  /**
   * The conflict for {@code op}, whose prerequisites failed with {@code rcode}; for a claimed
   * change whose RRset turns out to be owned by nobody or by another owner id, the ownership
   * refusal instead.
   */
  GordonException describe(Op op, int rcode) {
    Change c = op.change();
    if (c.ownership().isPresent()) {
      Optional<RecordSet> marker =
          reader.apply(OwnerMarker.nameFor(c.name(), c.type(), op.zone()), RecordType.TXT);
      boolean present = reader.apply(c.name(), c.type()).isPresent();
      Optional<OwnershipException> refusal =
          c.ownership().get().check(c, present, Markers.owner(c, marker));
      if (refusal.isPresent()) {
        return refusal.get();
      }
    }
    return new ConflictException(
        settings.plugin(),
        op.zone(),
        c.name(),
        c.type().name(),
        message(c, rcode) + " (" + Rcode.string(rcode) + " from " + settings.serverText() + ")");
  }

  private String message(Change c, int rcode) {
    List<String> live = live(c.name(), c.type());
    if (c.expected().isPresent() && !sameSet(c.expected().get(), live)) {
      return mismatch(c, c.expected().get(), live);
    }
    if (c.type() == RecordType.CNAME && rcode == Rcode.YXDOMAIN) {
      return c.records().key()
          + " not added: the name already holds other records ("
          + nameContents.apply(c.name())
          + ") and a CNAME cannot coexist with them";
    }
    List<String> cname =
        c.type() == RecordType.CNAME ? List.of() : live(c.name(), RecordType.CNAME);
    if (!cname.isEmpty()) {
      return c.records().key()
          + " not written: the name holds CNAME "
          + cname
          + " and no other data may coexist with a CNAME";
    }
    return c.records().key()
        + " changed concurrently: found "
        + (live.isEmpty() ? "none" : live)
        + " when the update was checked";
  }

  private List<String> live(String name, RecordType type) {
    return reader.apply(name, type).map(RecordSet::rdata).orElse(List.of());
  }

  private static boolean sameSet(List<String> a, List<String> b) {
    return new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b));
  }
}
