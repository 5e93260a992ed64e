package io.gordon.kafka;

import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.RecordSet;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A janitor event as one record's value, in the same wire format as the janitor's {@code
 * gcp.gpubsub} publisher (the original gordon-janitor's message): {@code {"id", "action",
 * "resourceRecords": {"name", "type", "ttl", "rrdatas", "kind": "dns#resourceRecordSet",
 * "expected"}, "timestamp"}}, one record set per record, naive UTC timestamp. Written by hand
 * because plugins see only gordon-api; {@code KafkaPublisherIT} decodes it with the core's codec.
 */
final class JanitorJson {
  private static final DateTimeFormatter NAIVE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private JanitorJson() {}

  static String encode(DnsEvent e) {
    if (e.records().size() != 1) {
      throw new IllegalArgumentException(
          "a janitor message carries one record set, not " + e.records().size());
    }
    RecordSet r = e.records().get(0);
    StringBuilder sb = new StringBuilder(256).append('{');
    e.id().ifPresent(id -> field(sb, "id", id).append(','));
    field(sb, "action", e.action().wireName()).append(",\"resourceRecords\":{");
    field(sb, "name", r.name()).append(',');
    field(sb, "type", r.type().name());
    r.ttl().ifPresent(t -> sb.append(",\"ttl\":").append(t));
    list(sb.append(",\"rrdatas\":"), r.rdata());
    field(sb.append(','), "kind", "dns#resourceRecordSet");
    e.expectedFor(r).ifPresent(x -> list(sb.append(",\"expected\":"), x));
    sb.append('}');
    e.timestamp().ifPresent(t -> field(sb.append(','), "timestamp", NAIVE.format(t)));
    return sb.append('}').toString();
  }

  private static StringBuilder field(StringBuilder sb, String name, String value) {
    return DeadLetterJson.string(DeadLetterJson.string(sb, name).append(':'), value);
  }

  private static void list(StringBuilder sb, List<String> values) {
    sb.append('[');
    for (int i = 0; i < values.size(); i++) {
      DeadLetterJson.string(i == 0 ? sb : sb.append(','), values.get(i));
    }
    sb.append(']');
  }
}
