package io.gordon.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.gordon.api.model.Action;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.Rdata;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Reads one entry of {@code resourceRecords}: {@code name}, {@code type}, {@code ttl} (optional)
 * and {@code rrdatas}, each checked and normalised with the model's rules.
 */
final class RecordSetReader {
  /** Most values one record set may carry. */
  static final int MAX_RDATA = 1000;

  /** Longest rdata text accepted (a TXT record of 16 strings of 255 octets fits). */
  static final int MAX_RDATA_LENGTH = 8192;

  static final String TYPES =
      Arrays.stream(RecordType.values()).map(Enum::name).collect(Collectors.joining(", "));

  private final int minTtl;
  private final int maxTtl;

  RecordSetReader(int minTtl, int maxTtl) {
    this.minTtl = minTtl;
    this.maxTtl = maxTtl;
  }

  Optional<RecordSet> read(JsonNode node, String path, Action action, Problems p) {
    if (!node.isObject()) {
      p.wrongType(path, node, "an object with name, type and rrdatas");
      return Optional.empty();
    }
    int before = p.size();
    String name = name(node.get("name"), path + ".name", p);
    RecordType type = type(node.get("type"), path + ".type", p);
    OptionalInt ttl = ttl(node.get("ttl"), path + ".ttl", p);
    List<String> rdata = rdata(node.get("rrdatas"), path + ".rrdatas", type, action, p);
    if (p.size() > before) {
      return Optional.empty();
    }
    try {
      RecordSet set = new RecordSet(name, type, ttl, rdata);
      return Optional.of(action == Action.ADDITIONS ? set.checkWireSize() : set);
    } catch (IllegalArgumentException e) {
      p.add(path + ".rrdatas", e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Reads the compare-and-swap extension {@code resourceRecords[i].expected}: the rdata the writer
   * believes is live, {@code []} for "expected absent". Empty when the field is absent.
   */
  static Optional<List<String>> expected(JsonNode node, String path, RecordType type, Problems p) {
    String shape =
        "a list of the record data expected live before the change, e.g."
            + " [\"192.0.2.1\"], or [] for \"expected absent\" (compare-and-swap; see the generic"
            + " event schema)";
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isArray()) {
      p.wrongType(path, node, shape);
      return Optional.empty();
    }
    if (node.size() > MAX_RDATA) {
      p.add(path, "has " + node.size() + " values (expected at most " + MAX_RDATA + ")");
      return Optional.empty();
    }
    List<String> out = new ArrayList<>(node.size());
    int before = p.size();
    for (int i = 0; i < node.size(); i++) {
      JsonNode v = node.get(i);
      String at = path + "[" + i + "]";
      if (!v.isTextual() || v.textValue().length() > MAX_RDATA_LENGTH) {
        p.wrongType(
            at, v, "a string of at most " + MAX_RDATA_LENGTH + " characters (" + shape + ")");
      } else {
        normalize(type, v, at, p).ifPresent(out::add);
      }
    }
    return p.size() > before ? Optional.empty() : Optional.of(out);
  }

  private static String name(JsonNode node, String path, Problems p) {
    if (node == null) {
      p.add(path, "missing (expected a domain name such as www.example.com.)");
    } else if (!node.isTextual()) {
      p.wrongType(path, node, "a domain name such as www.example.com.");
    } else if (node.textValue().length() > DnsNames.MAX_NAME_LENGTH + 1) {
      p.add(
          path,
          Problems.show(node)
              + " is too long (expected at most "
              + DnsNames.MAX_NAME_LENGTH
              + " characters without the final dot)");
    } else {
      try {
        return DnsNames.normalize(node.textValue());
      } catch (IllegalArgumentException e) {
        p.add(
            path,
            e.getMessage().startsWith("name must not be empty")
                ? Problems.show(node)
                    + " is empty (expected a domain name such as www.example.com.)"
                : e.getMessage());
      }
    }
    return null;
  }

  private static RecordType type(JsonNode node, String path, Problems p) {
    if (node == null) {
      p.add(path, "missing (expected one of " + TYPES + ")");
    } else if (!node.isTextual()) {
      p.wrongType(path, node, "one of " + TYPES);
    } else if (node.textValue().trim().equalsIgnoreCase("SOA")) {
      p.add(
          path,
          Problems.show(node)
              + " is refused: gordon never edits SOA records"
              + " (expected one of "
              + TYPES
              + ")");
    } else {
      try {
        return RecordType.parse(node.textValue());
      } catch (IllegalArgumentException e) {
        p.add(
            path,
            Problems.show(node)
                + " is not a supported record type (expected one of "
                + TYPES
                + ")");
      }
    }
    return null;
  }

  private OptionalInt ttl(JsonNode node, String path, Problems p) {
    String range = minTtl + ".." + maxTtl;
    if (node == null || node.isNull()) {
      return OptionalInt.empty();
    }
    if (!node.isNumber()) {
      p.wrongType(path, node, "an integer " + range);
    } else if (!node.isIntegralNumber() && !Double.isFinite(node.doubleValue())) {
      // 1e400 is parsed as an infinite double, which has no decimal value (nor its text)
      p.add(path, "the number is too large to read (expected an integer " + range + ")");
    } else if (!node.isIntegralNumber() && node.decimalValue().stripTrailingZeros().scale() > 0) {
      p.add(
          path, Problems.show(node) + " is not a whole number (expected an integer " + range + ")");
    } else if (node.decimalValue().compareTo(java.math.BigDecimal.valueOf(minTtl)) < 0) {
      p.add(
          path,
          Problems.show(node) + " is below the minimum " + minTtl + " (expected " + range + ")");
    } else if (node.decimalValue().compareTo(java.math.BigDecimal.valueOf(maxTtl)) > 0) {
      p.add(
          path,
          Problems.show(node) + " is above the maximum " + maxTtl + " (expected " + range + ")");
    } else {
      return OptionalInt.of(node.decimalValue().intValueExact());
    }
    return OptionalInt.empty();
  }

  private static List<String> rdata(
      JsonNode node, String path, RecordType type, Action action, Problems p) {
    String example = "a list of record data strings, e.g. [\"192.0.2.1\"]";
    if (node == null || node.isNull()) {
      if (action != Action.DELETIONS) {
        p.add(path, "missing (expected " + example + ")");
      }
      return List.of();
    }
    if (!node.isArray()) {
      p.wrongType(path, node, example);
      return List.of();
    }
    if (node.isEmpty() && action != Action.DELETIONS) {
      p.add(
          path,
          "[] is empty (expected at least one value; only a deletion may omit them to"
              + " remove the whole record set)");
    }
    if (node.size() > MAX_RDATA) {
      p.add(path, "has " + node.size() + " values (expected at most " + MAX_RDATA + ")");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode v = node.get(i);
      String at = path + "[" + i + "]";
      if (!v.isTextual()) {
        p.wrongType(at, v, "a string");
        raw.add(null);
        continue;
      }
      if (v.textValue().length() > MAX_RDATA_LENGTH) {
        p.add(
            at,
            Problems.show(v)
                + " is too long (expected at most "
                + MAX_RDATA_LENGTH
                + " characters)");
        raw.add(null);
        continue;
      }
      int first = raw.indexOf(v.textValue());
      raw.add(v.textValue());
      if (first >= 0) {
        p.add(at, Problems.show(v) + " repeats rrdatas[" + first + "] (expected unique values)");
      } else if (type != null) {
        normalize(type, v, at, p).ifPresent(out::add);
      }
    }
    if (type == RecordType.CNAME && node.size() > 1) {
      p.add(path, "a CNAME holds exactly one value but " + node.size() + " were given");
    }
    return out;
  }

  private static Optional<String> normalize(RecordType type, JsonNode v, String at, Problems p) {
    try {
      return Optional.of(Rdata.normalize(type, v.textValue()));
    } catch (IllegalArgumentException e) {
      p.add(at, e.getMessage());
      return Optional.empty();
    }
  }
}
