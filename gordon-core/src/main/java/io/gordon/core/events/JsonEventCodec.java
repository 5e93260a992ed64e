package io.gordon.core.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gordon.api.InvalidEventException;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.plugin.Decoded;
import io.gordon.api.plugin.EventCodec;
import io.gordon.core.config.CoreSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared event codec: the original's generic event and the GCE audit-log entry, in JSON.
 * Decoding collects every problem of a document, each naming the JSON path and the value, and
 * throws nothing but {@link InvalidEventException}, whatever the input. Thread-safe.
 */
public final class JsonEventCodec implements EventCodec {
  /** Deepest JSON nesting accepted; events are three levels deep. */
  static final int MAX_DEPTH = 32;

  /** Longest JSON string accepted. */
  static final int MAX_STRING = 1 << 20;

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(MAX_STRING)
                .build());
  }

  private final GenericEventReader generic;
  private final FastEventReader fast;

  /** Creates a codec enforcing the TTL bounds of {@code limits}. */
  public JsonEventCodec(CoreSettings.Events limits) {
    Objects.requireNonNull(limits, "limits == null");
    this.generic = new GenericEventReader(limits.minTtl(), limits.maxTtl());
    this.fast = new FastEventReader(limits.minTtl(), limits.maxTtl());
  }

  @Override
  public DnsEvent decode(String json) {
    if (json == null || json.isBlank()) {
      throw new InvalidEventException(
          "event: the document is empty (expected a JSON object such as {\"action\": ...})");
    }
    DnsEvent e = fast.read(json);
    return e != null ? e : decodeTree(json);
  }

  /** {@link #decode} by the tree readers, for a document that is not blank. */
  DnsEvent decodeTree(String json) {
    return decodeNode(parse(json));
  }

  @Override
  public List<Decoded> decodeAll(String body) {
    if (body != null && !body.isBlank()) {
      List<Decoded> valid = fastAll(body);
      if (valid != null) {
        return valid;
      }
    }
    return decodeAllTree(body);
  }

  /**
   * The items of {@code t} stripped, one event or JSON lines, when every one is a valid generic
   * event (the usual case) and the fast reader reads them all; {@code null} otherwise. A body of
   * two or more lines that are each a whole JSON object is JSON lines to the tree path too: as one
   * document it has trailing tokens. Arrays take the tree path, whose items' raw text is the node
   * printed.
   */
  private List<Decoded> fastAll(String t) {
    // the bounds of t.strip(), without its copy of the whole body (whitespace is all in the BMP)
    int start = 0;
    int n = t.length();
    while (start < n && Character.isWhitespace(t.charAt(start))) {
      start++;
    }
    while (n > start && Character.isWhitespace(t.charAt(n - 1))) {
      n--;
    }
    if (t.startsWith("[", start)) {
      return null;
    }
    List<Decoded> out = new ArrayList<>();
    boolean whole = start == 0 && n == t.length();
    while (start < n) {
      int end = start;
      while (end < n && t.charAt(end) != '\n' && t.charAt(end) != '\r') {
        end++;
      }
      String line = whole && start == 0 && end == n ? t : t.substring(start, end);
      if (!line.isBlank()) {
        DnsEvent e = fast.read(line);
        if (e == null) {
          return null;
        }
        out.add(new Decoded(out.size(), line, Optional.of(e), List.of()));
      }
      start = end + 1;
    }
    return out;
  }

  /** {@link #decodeAll} by the tree readers: every problem found and worded. */
  List<Decoded> decodeAllTree(String body) {
    if (body == null || body.isBlank()) {
      return List.of(
          failed(
              0,
              body == null ? "" : body,
              List.of(
                  "body: empty (expected one"
                      + " event, a JSON array of events, or one event per line)")));
    }
    String t = body.strip();
    if (t.startsWith("[")) {
      return array(t);
    }
    try {
      return List.of(item(0, t, parse(t)));
    } catch (InvalidEventException whole) {
      List<String> lines = t.lines().filter(l -> !l.isBlank()).toList();
      if (lines.size() < 2 || lines.stream().noneMatch(JsonEventCodec::isObject)) {
        return List.of(failed(0, t, whole.problems()));
      }
      List<Decoded> out = new ArrayList<>(lines.size());
      for (int i = 0; i < lines.size(); i++) {
        out.add(decodeItem(i, lines.get(i)));
      }
      return out;
    }
  }

  @Override
  public String encode(DnsEvent event) {
    return EventWriter.write(event);
  }

  private List<Decoded> array(String t) {
    JsonNode root;
    try {
      root = parse(t);
    } catch (InvalidEventException e) {
      return List.of(failed(0, t, e.problems()));
    }
    if (root.isEmpty()) {
      return List.of(failed(0, t, List.of("body: [] is empty (expected at least one event)")));
    }
    List<Decoded> out = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      JsonNode n = root.get(i);
      out.add(item(i, n.toString(), n));
    }
    return out;
  }

  private Decoded decodeItem(int index, String raw) {
    try {
      return item(index, raw, parse(raw));
    } catch (InvalidEventException e) {
      return failed(index, raw, e.problems());
    }
  }

  private Decoded item(int index, String raw, JsonNode node) {
    try {
      return new Decoded(index, raw, Optional.of(decodeNode(node)), List.of());
    } catch (InvalidEventException e) {
      return failed(index, raw, e.problems());
    }
  }

  private static Decoded failed(int index, String raw, List<String> problems) {
    return new Decoded(index, raw, Optional.empty(), problems);
  }

  private DnsEvent decodeNode(JsonNode root) {
    Problems p = new Problems();
    if (!root.isObject()) {
      p.wrongType("event", root, "a JSON object such as {\"action\": ...}");
      throw new InvalidEventException(p.list());
    }
    Optional<DnsEvent> event;
    try {
      event = AuditLogReader.matches(root) ? AuditLogReader.read(root, p) : generic.read(root, p);
    } catch (IllegalArgumentException e) {
      // the model's own checks, should a reader have let something through
      p.add("event", e.getMessage());
      event = Optional.empty();
    }
    if (event.isEmpty()) {
      throw new InvalidEventException(p.list());
    }
    return event.get();
  }

  /** Whether {@code line} alone is a JSON object: the sign of JSON lines, not one document. */
  private static boolean isObject(String line) {
    try {
      return parse(line).isObject();
    } catch (InvalidEventException e) {
      return false;
    }
  }

  private static JsonNode parse(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new InvalidEventException("event: the document is empty (expected a JSON object)");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(JsonErrors.describe(e));
    }
  }
}
