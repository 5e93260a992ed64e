package io.gordon.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.gordon.api.InvalidEventException;
import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.Decoded;
import io.gordon.core.config.CoreSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonEventCodecTest {
  static final JsonEventCodec CODEC = new JsonEventCodec(new CoreSettings.Events(60, 86400));

  static List<String> problems(String json) {
    return catchThrowableOfType(InvalidEventException.class, () -> CODEC.decode(json)).problems();
  }

  static String record(String fields) {
    return "{\"action\":\"additions\",\"timestamp\":\"2019-02-01T00:00:00\","
        + "\"resourceRecords\":{"
        + fields
        + "}}";
  }

  @Test
  void theOriginalsGenericEventDecodesWithItsSingleRecordWrapped() {
    DnsEvent e =
        CODEC.decode(
            "{\"action\":\"deletions\",\"timestamp\":\"2019-02-01T00:00:00\","
                + "\"resourceRecords\":{\"name\":\"old-host.example.com.\",\"type\":\"A\","
                + "\"rrdatas\":[\"10.0.0.5\"],\"ttl\":300,\"kind\":\"dns#resourceRecordSet\"}}");
    assertThat(e)
        .isEqualTo(
            new DnsEvent(
                Optional.empty(),
                Action.DELETIONS,
                Optional.of(Instant.parse("2019-02-01T00:00:00Z")),
                List.of(RecordSet.of("old-host.example.com.", RecordType.A, 300, "10.0.0.5")),
                Optional.empty(),
                "event"));
  }

  @Test
  void aListOfRecordsAnIdAndUnknownFieldsAreAccepted() {
    DnsEvent e =
        CODEC.decode(
            "{\"id\":\"evt-1\",\"action\":\"additions\",\"extra\":{\"a\":1},"
                + "\"resourceRecords\":[{\"name\":\"WWW.Example.com\",\"type\":\"aaaa\","
                + "\"rrdatas\":[\"2001:DB8::0:1\"]},{\"name\":\"t.example.com.\",\"type\":\"TXT\","
                + "\"rrdatas\":[\"hello world\"]}]}");
    assertThat(e.id()).contains("evt-1");
    assertThat(e.timestamp()).isEmpty();
    assertThat(e.records())
        .containsExactly(
            RecordSet.of("www.example.com.", RecordType.AAAA, List.of("2001:db8::1")),
            RecordSet.of("t.example.com.", RecordType.TXT, List.of("\"hello world\"")));
  }

  @Test
  void aDeletionWithoutRrdatasRemovesTheWholeRecordSet() {
    DnsEvent e =
        CODEC.decode(
            "{\"action\":\"deletions\",\"resourceRecords\":"
                + "{\"name\":\"a.example.com.\",\"type\":\"A\"}}");
    assertThat(e.records().get(0).rdata()).isEmpty();
  }

  @Test
  void timestampsAreParsedLenientlyAsUtc() {
    for (String t :
        List.of(
            "2019-02-01T00:00:00",
            "2019-02-01T00:00:00Z",
            "2019-02-01 00:00:00",
            "2019-02-01T01:00:00+01:00",
            "2019-02-01",
            "2019-02-01T00:00:00.000000Z",
            "2019-02-01T00:00:00.000000")) {
      assertThat(Timestamps.parse(t)).as(t).contains(Instant.parse("2019-02-01T00:00:00Z"));
    }
  }

  @Test
  void theAuditLogEntryDecodesIntoAnEventThatNeedsEnrichment() {
    DnsEvent e = CODEC.decode(AUDIT.replace("%M", "v1.compute.instances.insert"));
    assertThat(e)
        .isEqualTo(
            new DnsEvent(
                Optional.empty(),
                Action.ADDITIONS,
                Optional.of(Instant.parse("2017-12-04T20:13:50.717Z")),
                List.of(),
                Optional.of(
                    "projects/123456789101/zones/us-central1-c/instances/an-instance-name-b45c"),
                "audit-log"));
    assertThat(e.needsEnrichment()).isTrue();
    assertThat(CODEC.decode(AUDIT.replace("%M", "v1.compute.instances.delete")).action())
        .isEqualTo(Action.DELETIONS);
  }

  @Test
  void anAuditLogResourceNameMayHoldAProjectId() {
    DnsEvent e =
        CODEC.decode(
            AUDIT
                .replace("%M", "v1.compute.instances.insert")
                .replace("123456789101", "my-project-1"));
    assertThat(e.resourceName())
        .contains("projects/my-project-1/zones/us-central1-c/instances/an-instance-name-b45c");
  }

  @Test
  void encodedEventsDecodeToTheSameEvent() {
    DnsEvent e =
        new DnsEvent(
            Optional.of("x1"),
            Action.ADDITIONS,
            Optional.of(Instant.parse("2020-01-01T10:00:00.5Z")),
            List.of(
                RecordSet.of("m.example.com.", RecordType.MX, 600, "10 mail.example.com."),
                RecordSet.of("c.example.com.", RecordType.CAA, List.of("0 issue \"le.org\""))),
            Optional.empty(),
            "event");
    String line = CODEC.encode(e);
    assertThat(line).doesNotContain("\n").startsWith("{\"id\":\"x1\",\"action\":\"additions\"");
    assertThat(CODEC.decode(line)).isEqualTo(e);
    DnsEvent audit = CODEC.decode(AUDIT.replace("%M", "v1.compute.instances.insert"));
    assertThat(CODEC.decode(CODEC.encode(audit))).isEqualTo(audit);
  }

  @Test
  void decodeAllReadsOneEventAnArrayOrJsonLinesItemByItem() {
    String good = record("\"name\":\"a.example.com.\",\"type\":\"A\",\"rrdatas\":[\"10.0.0.1\"]");
    String bad = record("\"name\":\"a.example.com.\",\"type\":\"A\",\"rrdatas\":[\"x\"]");
    assertThat(CODEC.decodeAll("\n" + good + "\n")).singleElement().matches(Decoded::ok);
    List<Decoded> array = CODEC.decodeAll("[" + good + "," + bad + "]");
    assertThat(array)
        .extracting(Decoded::index, Decoded::ok)
        .containsExactly(tuple(0, true), tuple(1, false));
    assertThat(array.get(1).problems())
        .containsExactly(
            "resourceRecords.rrdatas[0]: A rdata"
                + " \"x\" is not an IPv4 address (expected four numbers 0-255, e.g. 192.0.2.1)");
    List<Decoded> lines = CODEC.decodeAll(good + "\n\n{oops\n" + good);
    assertThat(lines)
        .extracting(Decoded::index, Decoded::ok)
        .containsExactly(tuple(0, true), tuple(1, false), tuple(2, true));
    assertThat(lines.get(1).raw()).isEqualTo("{oops");
  }

  @Test
  void decodeAllReadsABodyAsItsStrippedTextWhateverWhitespaceSurroundsIt() {
    // the fast path strips by bounds instead of copying the body; the items must not change
    String good = record("\"name\":\"a.example.com.\",\"type\":\"A\",\"rrdatas\":[\"10.0.0.1\"]");
    for (String pad : List.of("", " ", "\n\r\t ", "\u2003\u3000", "\u00a0")) {
      for (String body : List.of(good, good + "\n" + good, good + "\n \n" + good + " ")) {
        String padded = pad + body + pad;
        assertThat(CODEC.decodeAll(padded))
            .as("%s", padded)
            .usingRecursiveFieldByFieldElementComparator()
            .isEqualTo(CODEC.decodeAllTree(padded.strip()));
      }
    }
  }

  @Test
  void aBrokenFirstLineDoesNotHideTheOtherLines() {
    String good = record("\"name\":\"a.example.com.\",\"type\":\"A\",\"rrdatas\":[\"10.0.0.1\"]");
    assertThat(CODEC.decodeAll("{oops\n" + good))
        .extracting(Decoded::ok)
        .containsExactly(false, true);
  }

  @Test
  void aBrokenPrettyPrintedEventIsOneItemWithOneProblem() {
    assertThat(CODEC.decodeAll("{\n  \"action\": \"additions\",\n  \"resourceRecords\": [\n}"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.problems())
                    .singleElement()
                    .asString()
                    .startsWith(
                        "event: not valid JSON at line 4, column 1: Unexpected close marker"));
  }

  @Test
  void aDeeplyNestedBodyNamesTheDepthAndTheLimitOnly() {
    String bomb = "[".repeat(100_000) + "]".repeat(100_000);
    assertThat(CODEC.decodeAll(bomb).get(0).problems())
        .containsExactly(
            "event: not valid JSON: Document nesting depth (33) exceeds the maximum allowed (32)");
  }

  @Test
  void decodeAllExplainsAnEmptyBody() {
    assertThat(CODEC.decodeAll(" ").get(0).problems())
        .containsExactly(
            "body: empty (expected one event, a JSON array of events, or one event per line)");
    assertThat(CODEC.decodeAll("[]").get(0).problems())
        .containsExactly("body: [] is empty (expected at least one event)");
  }

  static final String AUDIT =
      "{\"logName\":\"projects/some-project/logs/"
          + "cloudaudit.googleapis.com%2Factivity\",\"operation\":{\"id\":\"operation-1\","
          + "\"last\":true},\"protoPayload\":{\"methodName\":\"%M\",\"resourceName\":"
          + "\"projects/123456789101/zones/us-central1-c/instances/an-instance-name-b45c\"},"
          + "\"timestamp\":\"2017-12-04T20:13:50.717Z\"}";
}
