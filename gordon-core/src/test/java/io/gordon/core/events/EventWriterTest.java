package io.gordon.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.RecordSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The spool line written straight into a buffer is, character for character, what the {@code
 * ObjectNode} tree it replaced printed: the spool's format and every reader of it stay as they
 * were.
 */
class EventWriterTest {
  @Test
  void everyGeneratedEventIsWrittenAsTheTreePrintedIt() throws JsonProcessingException {
    EventGenerator gen = new EventGenerator(20261130L);
    Random r = gen.random();
    for (int i = 0; i < 5_000; i++) {
      DnsEvent e = varied(gen.event(), gen, r);
      assertThat(EventWriter.write(e)).isEqualTo(old(e));
    }
  }

  @Test
  void anEventWithControlCharactersAndNonAsciiInItsStringsIsWrittenAsTheTreePrintedIt()
      throws JsonProcessingException {
    String odd = "p/\"q\"\\\u0000\u0001\u001f\t\n\r\b\f\u007f\u00e9\u2028\ud83d\ude00 x";
    DnsEvent e =
        new DnsEvent(
            Optional.of("id-1"),
            io.gordon.api.model.Action.ADDITIONS,
            Optional.of(Instant.parse("2026-11-30T12:00:00.000123Z")),
            List.of(),
            Optional.of(odd),
            "audit-log");
    assertThat(EventWriter.write(e)).isEqualTo(old(e)).contains("\\u0000", "\\\"q\\\"");
  }

  @Test
  void eachCharacterAloneOrAmongPlainTextIsWrittenAsTheTreePrintedIt()
      throws JsonProcessingException {
    for (char c = 0; c < 0x3000; c++) {
      for (String text : List.of(String.valueOf(c), "vm-" + c + "-1")) {
        DnsEvent e =
            new DnsEvent(
                Optional.of("id-" + (int) c),
                io.gordon.api.model.Action.ADDITIONS,
                Optional.empty(),
                List.of(),
                Optional.of(text),
                "audit-log");
        assertThat(EventWriter.write(e)).as("U+%04X", (int) c).isEqualTo(old(e));
      }
    }
  }

  /** Adds what the generator leaves out: expectations, resource names, the audit-log schema. */
  private static DnsEvent varied(DnsEvent e, EventGenerator gen, Random r) {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (RecordSet set : e.records()) {
      if (r.nextInt(3) == 0) {
        expected.put(set.key(), r.nextBoolean() ? List.of() : List.of(gen.rdata(set.type())));
      }
    }
    Optional<String> resource =
        r.nextInt(4) == 0
            ? Optional.of("projects/p/zones/z/instances/vm-" + r.nextInt())
            : Optional.empty();
    return new DnsEvent(
        e.id(),
        e.action(),
        e.timestamp(),
        e.records(),
        resource,
        r.nextInt(5) == 0 ? "audit-log" : "event",
        expected);
  }

  /** EventWriter.write as it was: a tree, then Jackson's serialisation. */
  private static String old(DnsEvent event) throws JsonProcessingException {
    ObjectNode root = JsonEventCodec.MAPPER.createObjectNode();
    event.id().ifPresent(id -> root.put("id", id));
    root.put("action", event.action().wireName());
    event.timestamp().ifPresent(t -> root.put("timestamp", t.toString()));
    ArrayNode records = root.putArray("resourceRecords");
    for (RecordSet r : event.records()) {
      ObjectNode o = records.addObject();
      o.put("name", r.name());
      o.put("type", r.type().name());
      r.ttl().ifPresent(ttl -> o.put("ttl", ttl));
      ArrayNode rd = o.putArray("rrdatas");
      r.rdata().forEach(rd::add);
      event
          .expectedFor(r)
          .ifPresent(
              x -> {
                ArrayNode ex = o.putArray("expected");
                x.forEach(ex::add);
              });
    }
    event.resourceName().ifPresent(n -> root.put("resourceName", n));
    if (!event.schema().equals("event")) {
      root.put("schema", event.schema());
    }
    return JsonEventCodec.MAPPER.writeValueAsString(root);
  }
}
