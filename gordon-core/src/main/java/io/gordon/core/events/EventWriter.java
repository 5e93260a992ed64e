package io.gordon.core.events;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.RecordSet;
import java.util.List;
import java.util.Optional;

/**
 * Writes an event as one line of generic-event JSON. Events that still need enrichment keep their
 * {@code resourceName} and {@code schema}, so that the line decodes to the same event.
 *
 * <p>Written straight into one buffer, strings escaped as Jackson's generator escapes them: the
 * same text as the {@code ObjectNode} tree it replaced printed (EventWriterTest), without the tree,
 * which cost as much as the rest of the spooling (every event accepted over HTTP is encoded once).
 */
final class EventWriter {
  private EventWriter() {}

  static String write(DnsEvent event) {
    StringBuilder sb = new StringBuilder(160 + 96 * event.records().size()).append('{');
    if (event.id().isPresent()) {
      string(sb.append("\"id\":"), event.id().get()).append(',');
    }
    string(sb.append("\"action\":"), event.action().wireName());
    if (event.timestamp().isPresent()) {
      string(sb.append(",\"timestamp\":"), event.timestamp().get().toString());
    }
    sb.append(",\"resourceRecords\":[");
    List<RecordSet> records = event.records();
    for (int i = 0; i < records.size(); i++) {
      RecordSet r = records.get(i);
      string(sb.append(i == 0 ? "{\"name\":" : ",{\"name\":"), r.name());
      string(sb.append(",\"type\":"), r.type().name());
      if (r.ttl().isPresent()) {
        sb.append(",\"ttl\":").append(r.ttl().getAsInt());
      }
      strings(sb.append(",\"rrdatas\":"), r.rdata());
      Optional<List<String>> expected = event.expectedFor(r);
      if (expected.isPresent()) {
        strings(sb.append(",\"expected\":"), expected.get());
      }
      sb.append('}');
    }
    sb.append(']');
    if (event.resourceName().isPresent()) {
      string(sb.append(",\"resourceName\":"), event.resourceName().get());
    }
    if (!event.schema().equals("event")) {
      string(sb.append(",\"schema\":"), event.schema());
    }
    return sb.append('}').toString();
  }

  private static void strings(StringBuilder sb, List<String> values) {
    sb.append('[');
    for (int i = 0; i < values.size(); i++) {
      string(sb.append(i == 0 ? "" : ","), values.get(i));
    }
    sb.append(']');
  }

  private static StringBuilder string(StringBuilder sb, String text) {
    sb.append('"');
    if (plain(text)) {
      sb.append(text);
    } else {
      JsonStringEncoder.getInstance().quoteAsString(text, sb);
    }
    return sb.append('"');
  }

  /**
   * Whether {@code text} has nothing {@code quoteAsString} escapes (control characters, quote,
   * backslash; it writes every other character as it is), so it can be appended whole.
   */
  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
