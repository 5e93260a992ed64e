package io.gordon.kafka;

import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.DeadLetter;
import io.gordon.api.plugin.EventCodec;
import java.util.Map;

/**
 * The JSON document of a dead letter, with the fields the core's JSON-lines sink writes: message
 * id, when and why it was parked, phase and plugin, the event (the generic event JSON, replayable)
 * or the raw payload, the history and the source attributes.
 */
final class DeadLetterJson {
  private DeadLetterJson() {}

  static String encode(DeadLetter l, EventCodec codec) {
    StringBuilder sb = new StringBuilder(512).append('{');
    field(sb, "messageId", l.messageId()).append(',');
    field(sb, "parkedAt", l.parkedAt().toString()).append(',');
    field(sb, "reason", l.reason()).append(',');
    field(sb, "phase", l.phase()).append(',');
    field(sb, "plugin", l.plugin());
    l.event().ifPresent(e -> sb.append(",\"event\":").append(codec.encode(e)));
    l.payload().ifPresent(p -> field(sb.append(','), "payload", p));
    sb.append(",\"history\":[");
    for (int i = 0; i < l.history().size(); i++) {
      HistoryEntry h = l.history().get(i);
      sb.append(i == 0 ? "{" : ",{");
      field(sb, "timestamp", h.timestamp().toString()).append(',');
      field(sb, "plugin", h.plugin()).append(',');
      field(sb, "message", h.message()).append('}');
    }
    sb.append("],\"attributes\":{");
    boolean first = true;
    for (Map.Entry<String, String> a : new java.util.TreeMap<>(l.attributes()).entrySet()) {
      field(first ? sb : sb.append(','), a.getKey(), a.getValue());
      first = false;
    }
    return sb.append("}}").toString();
  }

  private static StringBuilder field(StringBuilder sb, String name, String value) {
    return string(string(sb, name).append(':'), value);
  }

  /** Appends {@code s} as a JSON string. */
  static StringBuilder string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }
}
