package io.gordon.rfc2136;

import io.gordon.api.model.Change;
import java.util.List;
import org.xbill.DNS.Record;

/**
 * One change turned into the records of an UPDATE message: its prerequisites and its updates, which
 * the server applies atomically with those of the other changes in the same message.
 *
 * @param index the change's position in the {@code apply} call
 * @param change the change
 * @param zone the zone it belongs to
 * @param prerequisites prerequisite-section records (RFC 2136 section 2.4)
 * @param updates update-section records (section 2.5), in order
 */
record Op(int index, Change change, String zone, List<Record> prerequisites, List<Record> updates)
    implements Sendable {
  Op {
    prerequisites = List.copyOf(prerequisites);
    updates = List.copyOf(updates);
  }
}
