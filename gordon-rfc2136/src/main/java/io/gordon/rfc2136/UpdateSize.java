package io.gordon.rfc2136;

import io.gordon.api.model.Change;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.RecordType;
import java.util.List;

/**
 * The estimated wire size of the changes {@link ZoneBatch} packs into one UPDATE message. Static
 * helpers, no state.
 */
final class UpdateSize {
  /** The fixed octets of a marker's TXT string: keys, separators, version. */
  private static final int MARKER_TEXT = "heritage=gordon,owner=,record=,type=,v=1".length();

  private UpdateSize() {}

  /** The name without its first label: the part a later change of the message may point to. */
  static String parent(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }

  /**
   * The octets {@code c} adds to a message. Names are compressed: the zone's name is written once,
   * so an owner name costs its labels below the zone and a pointer; but a pointer can only reach
   * the first 16 KiB of a message ({@link ZoneBatch#POINTER_REACH}), so a change that starts beyond
   * ({@code compressed} false) writes its owner name in full in each of its records, and its
   * marker's name down to the zone. Every record then costs 10 octets of type, class, TTL and
   * length, plus its rdata (4 or 16 octets for an address, else at most its presentation length).
   * Records: the {@code nxrrset CNAME} prerequisite, the RRset deletion (left out for a claimed
   * change: the optimistic plan has none, and the planned path splits what does not fit), the
   * additions, the expectation; a claimed change adds {@code nxrrset} on its RRset and, under the
   * marker's name, a prerequisite and the TXT naming owner, record and type; the parent of both
   * names costs a pointer when an earlier change of the message wrote it within reach ({@code
   * parentReachable}). A tight bound fills messages, so BIND's cost per message is paid fewer times
   * (issue 11); {@link UpdateSender#sendAll} halves a message that would still exceed the limit.
   */
  static int estimate(String zone, Change c, boolean compressed, boolean parentReachable) {
    List<String> rdata = c.records().rdata();
    boolean claimed = c.ownership().isPresent();
    int below = Math.max(0, c.name().length() - zone.length()) + 2;
    int records = rdata.size() + 2 + c.expected().map(e -> Math.max(1, e.size())).orElse(0);
    int dot = c.name().indexOf('.');
    int parent = Math.max(2, below - (dot < 0 ? c.name().length() : dot) - 1);
    int rest = parentReachable ? 2 : parent;
    int owner = below - parent + rest;
    int size =
        records * 10
            + rdataOctets(c.type(), rdata)
            + c.expected().map(e -> rdataOctets(c.type(), e)).orElse(0)
            + (compressed ? owner + (records - 1) * 2 : records * owner);
    if (claimed) {
      int markerName = 1 + markerLabel(c) + (compressed ? 2 : rest);
      size +=
          2 * 10
              + markerName
              + (compressed ? 2 : markerName)
              + 1
              + MARKER_TEXT
              + c.ownership().get().ownerId().length()
              + c.name().length()
              + c.type().name().length();
    }
    return size;
  }

  private static int rdataOctets(RecordType type, List<String> rdata) {
    return switch (type) {
      case A -> 4 * rdata.size();
      case AAAA -> 16 * rdata.size();
      default -> rdata.stream().mapToInt(String::length).sum();
    };
  }

  /**
   * The length of the marker's first label ({@code _gordon-TYPE-FIRSTLABEL}), or 63 when it may be
   * hashed for length (see {@link io.gordon.api.model.OwnerMarker#nameFor}).
   */
  private static int markerLabel(Change c) {
    int dot = c.name().indexOf('.');
    int label =
        OwnerMarker.PREFIX.length()
            + c.type().name().length()
            + 1
            + (dot < 0 ? c.name().length() : dot);
    boolean mayHash =
        label > DnsNames.MAX_LABEL_LENGTH || c.name().length() + label > DnsNames.MAX_NAME_LENGTH;
    return mayHash ? DnsNames.MAX_LABEL_LENGTH : label;
  }
}
