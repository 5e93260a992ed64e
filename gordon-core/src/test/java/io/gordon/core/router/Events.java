package io.gordon.core.router;

import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.Decoded;
import io.gordon.api.plugin.EventCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders of test messages, and a tiny codec standing in for the real one. */
final class Events {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private Events() {}

  static EventMessage add(String id, String name, String ip, Instant at) {
    DnsEvent e =
        DnsEvent.of(Action.ADDITIONS, at, List.of(RecordSet.of(name, RecordType.A, 300, ip)));
    return EventMessage.create(id, e, "consume", T0, Map.of("source", "test"));
  }

  static EventMessage add(String id, String name, String ip) {
    return add(id, name, ip, T0);
  }

  static EventMessage auditLog(String id, String instance) {
    DnsEvent e =
        new DnsEvent(
            Optional.empty(),
            Action.ADDITIONS,
            Optional.of(T0),
            List.of(),
            Optional.of("projects/p/zones/z/instances/" + instance),
            "audit-log");
    return EventMessage.create(id, e, "consume", T0, Map.of());
  }

  /** Encodes name, type and rdata only: enough to check what the dead-letter file holds. */
  static final EventCodec CODEC =
      new EventCodec() {
        @Override
        public DnsEvent decode(String json) {
          throw new UnsupportedOperationException();
        }

        @Override
        public List<Decoded> decodeAll(String body) {
          throw new UnsupportedOperationException();
        }

        @Override
        public String encode(DnsEvent event) {
          RecordSet r = event.records().get(0);
          return "{\"action\":\""
              + event.action().wireName()
              + "\",\"name\":\""
              + r.name()
              + "\",\"rdata\":\""
              + r.rdata().get(0)
              + "\"}";
        }
      };
}
