package io.gordon.gcp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.testing.gcp.AuditLogEntries;
import org.junit.jupiter.api.Test;

class AuditLogFilterTest {
  private static final String RES = "projects/p/zones/z/instances/i";
  private static final String INSERT = "v1.compute.instances.insert";

  @Test
  void theFirstEntryOfAnOperationIsIntermediate() {
    assertThat(AuditLogFilter.isIntermediate(AuditLogEntries.first(INSERT, RES, "op"))).isTrue();
  }

  @Test
  void theLastEntryAndEntriesWithoutOperationAreNot() {
    assertThat(AuditLogFilter.isIntermediate(AuditLogEntries.last(INSERT, RES, "op"))).isFalse();
    assertThat(AuditLogFilter.isIntermediate(AuditLogEntries.noOperation(INSERT, RES))).isFalse();
  }

  @Test
  void anEntryThatIsBothFirstAndLastCompletesItsOperation() {
    assertThat(
            AuditLogFilter.isIntermediate(
                "{\"protoPayload\":{},\"operation\":" + "{\"first\":true,\"last\":true}}"))
        .isFalse();
  }

  @Test
  void genericEventsAndGarbageAreLeftToTheCodec() {
    assertThat(AuditLogFilter.isIntermediate("{\"action\":\"additions\",\"operation\":{}}"))
        .isFalse();
    assertThat(AuditLogFilter.isIntermediate("not json")).isFalse();
    assertThat(AuditLogFilter.isIntermediate("[1,2]")).isFalse();
  }
}
