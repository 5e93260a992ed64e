package io.gordon.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.RecordSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the original's generic event: {@code action}, {@code timestamp}, {@code resourceRecords}
 * (one object, or a list), plus gordon's optional {@code id} and, per record set, the optional
 * compare-and-swap extension {@code expected} (the rdata expected live before the change; {@code
 * []}: expected absent). Unknown fields are ignored, as the original's schema allowed them. Every
 * problem is collected before giving up.
 */
final class GenericEventReader {
  /** Most record sets one event may carry. */
  static final int MAX_RECORDS = 1000;

  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
  private static final String ACTIONS = "\"additions\" or \"deletions\"";

  private final RecordSetReader records;

  GenericEventReader(int minTtl, int maxTtl) {
    this.records = new RecordSetReader(minTtl, maxTtl);
  }

  /** The event, or empty with the reasons added to {@code p}. */
  Optional<DnsEvent> read(JsonNode root, Problems p) {
    Optional<String> id = id(root.get("id"), p);
    Action action = action(root.get("action"), p);
    Optional<Instant> timestamp = timestamp(root.get("timestamp"), "timestamp", p);
    Optional<String> resourceName = resourceName(root.get("resourceName"), p);
    String schema = schema(root.get("schema"), p);
    Map<String, List<String>> expected = new LinkedHashMap<>();
    List<RecordSet> sets =
        recordSets(root.get("resourceRecords"), action, resourceName, expected, p);
    if (!p.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DnsEvent(id, action, timestamp, sets, resourceName, schema, expected));
  }

  static Optional<String> id(JsonNode node, Problems p) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      p.wrongType("id", node, "a string");
    } else if (!ID.matcher(node.textValue()).matches()) {
      p.add(
          "id",
          Problems.show(node)
              + " is not a valid id (expected 1 to 128 letters, digits"
              + " or . _ : @ -, starting with a letter or digit)");
    } else {
      return Optional.of(node.textValue());
    }
    return Optional.empty();
  }

  private static Action action(JsonNode node, Problems p) {
    if (node == null) {
      p.add("action", "missing (expected " + ACTIONS + ")");
    } else if (!node.isTextual()) {
      p.wrongType("action", node, ACTIONS);
    } else {
      try {
        return Action.parse(node.textValue());
      } catch (IllegalArgumentException e) {
        p.add("action", Problems.show(node) + " is not an action (expected " + ACTIONS + ")");
      }
    }
    return null;
  }

  /** An optional timestamp at {@code path}; a bad one is a problem naming it. */
  static Optional<Instant> timestamp(JsonNode node, String path, Problems p) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      p.wrongType(path, node, Timestamps.EXPECTED);
      return Optional.empty();
    }
    Optional<Instant> t = Timestamps.parse(node.textValue());
    if (t.isEmpty()) {
      p.add(
          path, Problems.show(node) + " is not a date-time (expected " + Timestamps.EXPECTED + ")");
    }
    return t;
  }

  private static Optional<String> resourceName(JsonNode node, Problems p) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.textValue().isBlank()) {
      p.wrongType("resourceName", node, "a non-empty string naming the cloud resource");
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  private static String schema(JsonNode node, Problems p) {
    if (node == null || node.isNull()) {
      return "event";
    }
    if (node.isTextual()
        && (node.textValue().equals("event") || node.textValue().equals("audit-log"))) {
      return node.textValue();
    }
    p.add(
        "schema",
        Problems.show(node)
            + " is not a schema gordon writes"
            + " (expected \"event\" or \"audit-log\", or no schema field)");
    return "event";
  }

  private List<RecordSet> recordSets(
      JsonNode node,
      Action action,
      Optional<String> resource,
      Map<String, List<String>> expected,
      Problems p) {
    String path = "resourceRecords";
    if (node == null || node.isNull()) {
      if (resource.isEmpty()) {
        p.add(path, "missing (expected an object with name, type and rrdatas, or a list of them)");
      }
      return List.of();
    }
    if (node.isObject()) {
      Optional<RecordSet> one = records.read(node, path, action, p);
      one.ifPresent(r -> expected(node, path, r, expected, p));
      return one.map(List::of).orElse(List.of());
    }
    if (!node.isArray()) {
      p.wrongType(path, node, "an object with name, type and rrdatas, or a list of them");
      return List.of();
    }
    if (node.isEmpty() && resource.isEmpty()) {
      p.add(path, "[] is empty (expected at least one record)");
    }
    if (node.size() > MAX_RECORDS) {
      p.add(path, "has " + node.size() + " records (expected at most " + MAX_RECORDS + ")");
      return List.of();
    }
    List<RecordSet> out = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String at = path + "[" + i + "]";
      Optional<RecordSet> set = records.read(node.get(i), at, action, p);
      if (set.isPresent()) {
        int before = keys.indexOf(set.get().key());
        if (before >= 0) {
          p.add(
              at,
              set.get().key()
                  + " repeats "
                  + path
                  + "["
                  + before
                  + "] (expected each name and type once per event)");
        }
        keys.add(set.get().key());
        out.add(set.get());
        expected(node.get(i), at, set.get(), expected, p);
      } else {
        keys.add("");
      }
    }
    return out;
  }

  private static void expected(
      JsonNode entry, String path, RecordSet set, Map<String, List<String>> expected, Problems p) {
    RecordSetReader.expected(entry.get("expected"), path + ".expected", set.type(), p)
        .ifPresent(e -> expected.put(set.key(), e));
  }
}
