package io.gordon.core.events;

import static io.gordon.core.events.JsonEventCodecTest.CODEC;
import static io.gordon.core.events.JsonEventCodecTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Action;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compare-and-swap extension of the generic event: {@code resourceRecords[i].expected}. */
class ExpectedExtensionTest {
  @Test
  void aDeletionCarriesTheExpectedLiveRdataIntoItsChange() {
    DnsEvent e =
        CODEC.decode(
            "{\"action\":\"deletions\",\"timestamp\":\"2026-11-30T08:00:00Z\","
                + "\"resourceRecords\":{\"name\":\"old.example.com.\",\"type\":\"AAAA\","
                + "\"rrdatas\":[\"2001:DB8::1\"],\"expected\":[\"2001:db8:0::1\"]}}");
    assertThat(e.changes())
        .containsExactly(
            new Change.Remove(
                RecordSet.of("old.example.com.", RecordType.AAAA, List.of("2001:db8::1")),
                Optional.of(List.of("2001:db8::1"))));
  }

  @Test
  void anEmptyExpectationMeansExpectedAbsentAndOnlyListedRecordSetsAreConditional() {
    DnsEvent e =
        CODEC.decode(
            "{\"action\":\"additions\",\"resourceRecords\":["
                + "{\"name\":\"a.example.com.\",\"type\":\"A\",\"rrdatas\":[\"192.0.2.1\"],"
                + "\"expected\":[]},"
                + "{\"name\":\"b.example.com.\",\"type\":\"A\",\"rrdatas\":[\"192.0.2.2\"]}]}");
    assertThat(e.changes())
        .extracting(Change::expected)
        .containsExactly(Optional.of(List.of()), Optional.empty());
  }

  @Test
  void encodingKeepsTheExpectation() {
    DnsEvent e =
        new DnsEvent(
            Optional.of("j-1"),
            Action.DELETIONS,
            Optional.of(Instant.parse("2026-11-30T08:00:00Z")),
            List.of(RecordSet.of("old.example.com.", RecordType.A, 300, "192.0.2.9")),
            Optional.empty(),
            "event",
            Map.of("old.example.com./A", List.of("192.0.2.9")));
    String line = CODEC.encode(e);
    assertThat(line)
        .isEqualTo(
            "{\"id\":\"j-1\",\"action\":\"deletions\",\"timestamp\":"
                + "\"2026-11-30T08:00:00Z\",\"resourceRecords\":[{\"name\":\"old.example.com.\","
                + "\"type\":\"A\",\"ttl\":300,\"rrdatas\":[\"192.0.2.9\"],\"expected\":[\"192.0.2.9\"]}]}");
    assertThat(CODEC.decode(line)).isEqualTo(e);
  }

  @Test
  void keepingSomeRecordsKeepsTheirExpectationsOnly() {
    RecordSet a = RecordSet.of("a.example.com.", RecordType.A, 300, "192.0.2.1");
    RecordSet b = RecordSet.of("b.example.com.", RecordType.A, 300, "192.0.2.2");
    DnsEvent e =
        new DnsEvent(
            Optional.empty(),
            Action.DELETIONS,
            Optional.empty(),
            List.of(a, b),
            Optional.empty(),
            "event",
            Map.of(a.key(), List.of("192.0.2.1"), b.key(), List.of("192.0.2.2")));
    assertThat(e.withRecords(List.of(b)).expected())
        .isEqualTo(Map.of(b.key(), List.of("192.0.2.2")));
  }

  @Test
  void aBadExpectationNamesTheFieldAndTheSchemaExtension() {
    assertThat(
            problems(
                JsonEventCodecTest.record(
                    "\"name\":\"a.example.com.\",\"type\":\"A\","
                        + "\"rrdatas\":[\"192.0.2.1\"],\"expected\":\"192.0.2.1\"")))
        .containsExactly(
            "resourceRecords.expected: \"192.0.2.1\" is a string (expected a list"
                + " of the record data expected live before the change, e.g. [\"192.0.2.1\"], or []"
                + " for \"expected absent\" (compare-and-swap; see the generic event schema))");
    assertThat(
            problems(
                JsonEventCodecTest.record(
                    "\"name\":\"a.example.com.\",\"type\":\"A\","
                        + "\"rrdatas\":[\"192.0.2.1\"],\"expected\":[\"web\"]")))
        .containsExactly(
            "resourceRecords.expected[0]: A rdata \"web\" is not an IPv4 address"
                + " (expected four numbers 0-255, e.g. 192.0.2.1)");
  }
}
