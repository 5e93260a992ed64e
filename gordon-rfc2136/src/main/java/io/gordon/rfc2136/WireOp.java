package io.gordon.rfc2136;

import io.gordon.api.model.Change;

/**
 * A claimed replacement sent optimistically (every marker assumed absent), ready for {@link
 * UpdateWire}: the names and rdata octets of its records, which are those {@link ChangePlanner}
 * plans for it without reads. The arrays are {@link WireOps}' own and only read by {@link
 * UpdateWire}.
 *
 * @param index the change's position in the {@code apply} call
 * @param change the change
 * @param name its owner name (absolute, normal)
 * @param type its type's code
 * @param ttl the TTL of its records and of its marker
 * @param rdata the rdata octets of each record
 * @param expected the rdata octets of the compare-and-swap prerequisite: null without one, empty
 *     when the RRset is expected absent
 * @param marker the owner marker's name
 * @param markerText the marker's TXT rdata octets
 * @param adopt whether the change adopts an RRset without marker (then the RRset is deleted and
 *     replaced; otherwise it must be absent)
 */
record WireOp(
    int index,
    Change change,
    String name,
    int type,
    long ttl,
    byte[][] rdata,
    byte[][] expected,
    String marker,
    byte[] markerText,
    boolean adopt)
    implements Sendable {

  /** The records of the prerequisite section: see {@link UpdateWire}. */
  int prerequisiteCount() {
    return (expected == null ? 0 : Math.max(1, expected.length)) + (adopt ? 2 : 3);
  }

  /** The records of the update section. */
  int updateCount() {
    return (adopt ? 1 : 0) + rdata.length + 1;
  }

  /** At least the octets the op adds to a message, names uncompressed. */
  int sizeBound() {
    int octets = markerText.length + (marker.length() + 12) * 2;
    for (byte[] r : rdata) {
      octets += r.length;
    }
    if (expected != null) {
      for (byte[] r : expected) {
        octets += r.length;
      }
    }
    return octets + (name.length() + 12) * (prerequisiteCount() + updateCount());
  }
}
