package io.gordon.core.events;

import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.Rdata;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.core.events.JsonTokens.Token;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The codec's fast path: a generic event read straight from the document's tokens ({@link
 * JsonTokens}, a strict subset of JSON) into the model, without a parser or a tree of nodes. It
 * only ever <em>accepts</em>: anything not plainly valid (a problem of any kind, an unknown field,
 * a float TTL, an audit-log entry, a duplicate key, an escape in a string, broken JSON) gives
 * {@code null}, and the tree readers ({@link GenericEventReader}, {@link AuditLogReader}) then
 * decide and word every problem as before. What it accepts, it reads to the event the tree readers
 * would read (FastEventReaderTest compares both on generated documents). Thread-safe.
 */
final class FastEventReader {
  /** One entry of {@code resourceRecords} as found, checked once the action is known. */
  private static final class Raw {
    String name;
    String type;
    OptionalInt ttl = OptionalInt.empty();
    List<String> rdata;
    List<String> expected;
  }

  private static final List<String> EVENT_FIELDS =
      List.of("id", "action", "timestamp", "resourceName", "schema", "resourceRecords");
  private static final List<String> RECORD_FIELDS =
      List.of("name", "type", "ttl", "rrdatas", "expected");

  private final int minTtl;
  private final int maxTtl;

  FastEventReader(int minTtl, int maxTtl) {
    this.minTtl = minTtl;
    this.maxTtl = maxTtl;
  }

  /** The event {@code json} holds when it is one valid generic event; otherwise {@code null}. */
  DnsEvent read(String json) {
    try {
      JsonTokens p = new JsonTokens(json);
      if (p.next() != Token.START_OBJECT) {
        return null;
      }
      DnsEvent e = event(p);
      return e != null && p.next() == Token.END ? e : null;
    } catch (RuntimeException e) {
      return null; // JsonTokens.REFUSED, or the model's own checks: the tree path words it
    }
  }

  private DnsEvent event(JsonTokens p) {
    Optional<String> id = Optional.empty();
    Action action = null;
    Optional<Instant> timestamp = Optional.empty();
    Optional<String> resourceName = Optional.empty();
    String schema = "event";
    List<Raw> raws = null;
    int seen = 0;
    while (p.next() == Token.FIELD_NAME) {
      String field = p.text();
      Token v = p.next();
      int bit = bit(field, EVENT_FIELDS);
      if (bit == 0 || (seen & bit) != 0) {
        return null; // unknown (perhaps an audit-log entry's) or repeated
      }
      seen |= bit;
      boolean isNull = v == Token.NULL;
      if (!isNull && v != Token.STRING && !field.equals("resourceRecords")) {
        return null;
      }
      String text = isNull || v != Token.STRING ? null : p.text();
      switch (field) {
        case "id" -> {
          if (text != null && !GenericEventReader.ID.matcher(text).matches()) {
            return null;
          }
          id = Optional.ofNullable(text);
        }
        case "action" -> action = text == null ? null : Action.parse(text);
        case "timestamp" -> {
          timestamp = text == null ? Optional.empty() : Timestamps.parse(text);
          if (text != null && timestamp.isEmpty()) {
            return null;
          }
        }
        case "resourceName" -> {
          if (text != null && text.isBlank()) {
            return null;
          }
          resourceName = Optional.ofNullable(text);
        }
        case "schema" -> {
          if (text != null && !text.equals("event") && !text.equals("audit-log")) {
            return null;
          }
          schema = text == null ? "event" : text;
        }
        case "resourceRecords" -> raws = records(p, v);
        default -> {
          return null;
        }
      }
    }
    if (action == null || raws == null || raws.isEmpty()) {
      return null;
    }
    // The key set and the expectations are made only when needed: most events carry one record
    // set (no duplicate possible) and no expectation.
    Map<String, List<String>> expected = null;
    List<RecordSet> sets = new ArrayList<>(raws.size());
    Set<String> keys = raws.size() > 1 ? new HashSet<>() : null;
    for (Raw raw : raws) {
      RecordSet set = recordSet(raw, action);
      if (set == null || keys != null && !keys.add(set.key())) {
        return null;
      }
      sets.add(set);
      if (raw.expected != null) {
        List<String> e = rdata(raw.expected, set.type());
        if (e == null) {
          return null;
        }
        if (expected == null) {
          expected = new LinkedHashMap<>();
        }
        expected.put(set.key(), e);
      }
    }
    return new DnsEvent(
        id, action, timestamp, sets, resourceName, schema, expected == null ? Map.of() : expected);
  }

  /** One object or a list of them, up to the most an event may carry; {@code null} otherwise. */
  private static List<Raw> records(JsonTokens p, Token v) {
    if (v == Token.START_OBJECT) {
      Raw one = raw(p);
      return one == null ? null : List.of(one);
    }
    if (v != Token.START_ARRAY) {
      return null;
    }
    List<Raw> out = new ArrayList<>();
    while (p.next() == Token.START_OBJECT) {
      Raw r = raw(p);
      if (r == null || out.size() == GenericEventReader.MAX_RECORDS) {
        return null;
      }
      out.add(r);
    }
    return p.current() == Token.END_ARRAY ? out : null;
  }

  private static Raw raw(JsonTokens p) {
    Raw r = new Raw();
    int seen = 0;
    while (p.next() == Token.FIELD_NAME) {
      String field = p.text();
      Token v = p.next();
      int bit = bit(field, RECORD_FIELDS);
      if (bit == 0 || (seen & bit) != 0) {
        return null;
      }
      seen |= bit;
      switch (field) {
        case "name" -> r.name = v == Token.STRING ? p.text() : null;
        case "type" -> r.type = v == Token.STRING ? p.text() : null;
        case "ttl" -> {
          if (v == Token.INT) {
            r.ttl = OptionalInt.of(p.intValue());
          } else if (v != Token.NULL) {
            return null;
          }
        }
        case "rrdatas" -> {
          r.rdata = v == Token.NULL ? null : strings(p, v);
          if (v != Token.NULL && r.rdata == null) {
            return null;
          }
        }
        case "expected" -> {
          r.expected = v == Token.NULL ? null : strings(p, v);
          if (v != Token.NULL && r.expected == null) {
            return null;
          }
        }
        default -> {
          return null;
        }
      }
    }
    return r.name == null || r.type == null ? null : r;
  }

  /** A list of at most {@code MAX_RDATA} strings, each not too long; {@code null} otherwise. */
  private static List<String> strings(JsonTokens p, Token v) {
    if (v != Token.START_ARRAY) {
      return null;
    }
    List<String> out = new ArrayList<>(4);
    Token t;
    while ((t = p.next()) == Token.STRING) {
      String s = p.text();
      if (s.length() > RecordSetReader.MAX_RDATA_LENGTH
          || out.size() == RecordSetReader.MAX_RDATA) {
        return null;
      }
      out.add(s);
    }
    return t == Token.END_ARRAY ? out : null;
  }

  private RecordSet recordSet(Raw raw, Action action) {
    if (raw.name.length() > DnsNames.MAX_NAME_LENGTH + 1
        || raw.type.trim().equalsIgnoreCase("SOA")
        || (raw.ttl.isPresent() && (raw.ttl.getAsInt() < minTtl || raw.ttl.getAsInt() > maxTtl))) {
      return null;
    }
    String name = DnsNames.normalize(raw.name);
    RecordType type = RecordType.parse(raw.type);
    List<String> given = raw.rdata == null ? List.of() : raw.rdata;
    if (given.isEmpty() && action != Action.DELETIONS
        || type == RecordType.CNAME && given.size() > 1
        || given.size() > 1 && given.size() != new HashSet<>(given).size()) {
      return null;
    }
    List<String> rdata = rdata(given, type);
    return rdata == null ? null : new RecordSet(name, type, raw.ttl, rdata);
  }

  /** The field's bit among {@code fields}; 0 when it is not one of them. */
  private static int bit(String field, List<String> fields) {
    int i = fields.indexOf(field);
    return i < 0 ? 0 : 1 << i;
  }

  /** Each value normalised with the model's rules (which throw on a bad one). */
  private static List<String> rdata(List<String> values, RecordType type) {
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(Rdata.normalize(type, v));
    }
    return out;
  }
}
