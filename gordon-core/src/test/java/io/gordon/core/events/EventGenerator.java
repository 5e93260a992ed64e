package io.gordon.core.events;

import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/** Seeded generator of valid events, for property and fuzz tests. */
final class EventGenerator {
  private final Random random;

  EventGenerator(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  DnsEvent event() {
    Action action = random.nextBoolean() ? Action.ADDITIONS : Action.DELETIONS;
    Map<String, RecordSet> sets = new LinkedHashMap<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      RecordSet r = recordSet(action);
      sets.putIfAbsent(r.key(), r);
    }
    Optional<String> id =
        random.nextBoolean() ? Optional.of("id-" + random.nextInt(1_000_000)) : Optional.empty();
    Optional<Instant> ts =
        random.nextBoolean()
            ? Optional.of(
                Instant.ofEpochMilli(
                    1_500_000_000_000L + random.nextInt(1 << 30) * 1000L + random.nextInt(1000)))
            : Optional.empty();
    return new DnsEvent(id, action, ts, List.copyOf(sets.values()), Optional.empty(), "event");
  }

  RecordSet recordSet(Action action) {
    RecordType type = RecordType.values()[random.nextInt(RecordType.values().length)];
    int count = type == RecordType.CNAME ? 1 : 1 + random.nextInt(3);
    if (action == Action.DELETIONS && random.nextInt(4) == 0) {
      count = 0;
    }
    List<String> rdata = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rdata.add(rdata(type));
    }
    OptionalInt ttl =
        random.nextBoolean() ? OptionalInt.of(60 + random.nextInt(86341)) : OptionalInt.empty();
    return new RecordSet(name(), type, ttl, rdata);
  }

  String name() {
    StringBuilder sb = new StringBuilder();
    int labels = 1 + random.nextInt(3);
    for (int i = 0; i < labels; i++) {
      sb.append(label()).append('.');
    }
    return sb.append("example.com.").toString();
  }

  private String label() {
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
    int len = 1 + random.nextInt(12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append(chars.charAt(random.nextInt(chars.length())));
    }
    return sb.toString();
  }

  String rdata(RecordType type) {
    return switch (type) {
      case A ->
          random.nextInt(256)
              + "."
              + random.nextInt(256)
              + "."
              + random.nextInt(256)
              + "."
              + random.nextInt(256);
      case AAAA -> "2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe));
      case CNAME, NS, PTR -> name();
      case MX -> random.nextInt(100) + " " + name();
      case SRV ->
          random.nextInt(100)
              + " "
              + random.nextInt(100)
              + " "
              + random.nextInt(65536)
              + " "
              + name();
      case TXT -> "\"v=" + label() + " \\\"q\\\" " + label() + "\"";
      case CAA -> "0 issue \"" + label() + ".org\"";
    };
  }
}
