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

  @Test
  void anEntryOfAnOperationComputeRefusedIsAFailureWithItsStatus() {
    String quota = "Quota 'IN_USE_ADDRESSES' exceeded.  Limit: 2300.0 in region europe-west1.";
    assertThat(AuditLogFilter.failure(AuditLogEntries.failed(INSERT, RES, 7, quota)))
        .contains(
            "records a failed operation (protoPayload.status.code 7: Quota 'IN_USE_ADDRESSES' exceeded."
                + "  Limit: 2300.0 in region europe-west1.), so it changed no instance");
  }

  @Test
  void entriesOfOperationsThatDidNotFailAreNoFailures() {
    assertThat(AuditLogFilter.failure(AuditLogEntries.last(INSERT, RES, "op"))).isEmpty();
    assertThat(AuditLogFilter.failure(AuditLogEntries.noOperation(INSERT, RES))).isEmpty();
    assertThat(AuditLogFilter.failure("{\"protoPayload\":{\"status\":{}}}")).isEmpty();
    assertThat(AuditLogFilter.failure("{\"protoPayload\":{\"status\":{\"code\":0}}}")).isEmpty();
    assertThat(AuditLogFilter.failure("{\"action\":\"additions\",\"status\":{\"code\":7}}"))
        .isEmpty();
    assertThat(AuditLogFilter.failure("not json")).isEmpty();
  }
}
