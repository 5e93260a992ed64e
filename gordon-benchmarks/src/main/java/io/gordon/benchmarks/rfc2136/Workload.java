package io.gordon.benchmarks.rfc2136;

import io.gordon.api.model.Action;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The records every client adds: one A record per name, the same for nsupdate and gordon. */
final class Workload {
  private Workload() {}

  static String name(String prefix, int i, String zone) {
    return prefix + i + "." + zone;
  }

  static String address(int i) {
    return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
  }

  static RecordSet record(String prefix, int i, String zone) {
    return RecordSet.of(name(prefix, i, zone), RecordType.A, 300, address(i));
  }

  static List<Change> changes(String prefix, int from, int to, String zone) {
    List<Change> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(new Change.Replace(record(prefix, i, zone)));
    }
    return out;
  }

  static EventMessage event(String prefix, int i, String zone, Instant now) {
    DnsEvent e = DnsEvent.of(Action.ADDITIONS, now, List.of(record(prefix, i, zone)));
    return EventMessage.create(prefix + "-" + i, e, "consume", now, Map.of("source", "bench"));
  }
}
