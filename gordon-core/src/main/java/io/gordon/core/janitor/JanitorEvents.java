package io.gordon.core.janitor;

import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.RecordSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns planned changes into ordinary generic events, one per RRset, so that ordering, batching,
 * retries, ownership and dead letters apply to them. Each event's timestamp is the authority's
 * observation time (a newer live event for the same name wins) and each record set carries the
 * rdata read live as its compare-and-swap expectation ({@code []} for an addition: expected
 * absent), so a live change made after the janitor's read is never undone.
 */
public final class JanitorEvents {
  private JanitorEvents() {}

  /**
   * The events of {@code plans}, in plan order, each stamped with its zone's observation time.
   *
   * @param runId a token unique to the run, used in the event ids ({@code janitor-<run>-<n>})
   */
  public static List<DnsEvent> of(List<ZonePlan> plans, String runId) {
    List<DnsEvent> out = new ArrayList<>();
    for (ZonePlan p : plans) {
      for (PlannedChange c : p.changes()) {
        out.add(event(c, p.observedAt(), "janitor-" + runId + "-" + (out.size() + 1)));
      }
    }
    return out;
  }

  static DnsEvent event(PlannedChange c, Instant observedAt, String id) {
    boolean delete = c.kind() == PlannedChange.Kind.DELETION;
    RecordSet records = delete ? c.live().orElseThrow() : c.desired();
    List<String> expected = c.live().map(RecordSet::rdata).orElse(List.of());
    return new DnsEvent(
        Optional.of(id),
        delete ? Action.DELETIONS : Action.ADDITIONS,
        Optional.of(observedAt),
        List.of(records),
        Optional.empty(),
        "event",
        Map.of(records.key(), expected));
  }
}
