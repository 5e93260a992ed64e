package io.gordon.core.router;

import io.gordon.api.GordonException;
import io.gordon.api.PermanentException;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.ZoneIndex;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.core.delivery.Failure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The DNS providers of one phase as a stage. Per message: skip the records an event newer than this
 * one already set ({@link Freshness}), resolve each change's zone once in the {@link ZoneIndex},
 * queue the changes on their zone's {@link ZoneQueue}, and, when every zone has answered, turn the
 * provider's {@link ChangeResult}s into one {@link Attempt}.
 */
final class PublishStage implements Stage {
  static final int MAX_BATCH = 1000;
  private final String phase;
  private final String plugins;
  private final ZoneIndex<ZoneQueue> zones;
  private final Freshness freshness;
  private final Clock clock;
  private final Duration maxClockSkew;
  private final String route;

  PublishStage(
      String phase,
      String plugins,
      ZoneIndex<ZoneQueue> zones,
      Freshness freshness,
      Clock clock,
      Duration maxClockSkew,
      String route) {
    this.phase = phase;
    this.plugins = plugins;
    this.zones = zones;
    this.freshness = freshness;
    this.clock = clock;
    this.maxClockSkew = maxClockSkew;
    this.route = route;
  }

  @Override
  public String phase() {
    return phase;
  }

  @Override
  public String plugin() {
    return plugins;
  }

  @Override
  public boolean blocks() {
    return false; // the changes wait on their zones' queues, the lane is suspended meanwhile
  }

  @Override
  public void attempt(EventMessage message, Consumer<Attempt> done) {
    DnsEvent event = message.event();
    if (event.needsEnrichment()) {
      done.accept(
          new Attempt.Failed(
              message,
              new PermanentException(
                  "event "
                      + event.resourceName().orElse("")
                      + " (schema "
                      + event.schema()
                      + ") has no resource "
                      + "records and needs enrichment, but no enricher handled it before phase \""
                      + phase
                      + "\" (route: "
                      + route
                      + "); add gcp.enricher to core.plugins and route consume -> "
                      + "enrich -> "
                      + phase)));
      return;
    }
    Instant at = trustedTimestamp(event);
    long arrival = freshness.arrival(message.id(), clock.instant());
    List<RecordSet> fresh = new ArrayList<>(event.records().size());
    List<Freshness.Slot> slots = new ArrayList<>(event.records().size());
    List<String> stale = new ArrayList<>(0);
    for (RecordSet r : event.records()) {
      Freshness.Slot slot = at == null ? null : freshness.slot(r, clock.instant());
      String late = freshness.receivedLate(r, arrival);
      if (slot != null && slot.stale(at)) {
        stale.add(r.key() + " (event " + at + " is older than " + slot.get() + ")");
      } else if (late != null) {
        stale.add(r.key() + " (" + late + ")");
      } else {
        fresh.add(r);
        slots.add(slot);
      }
    }
    if (fresh.isEmpty()) {
      String reason = "stale: " + String.join(", ", stale);
      freshness.settled(message.id());
      done.accept(
          new Attempt.Skipped(message.withHistory(clock.instant(), plugins, reason), reason));
      return;
    }
    List<Change> changes = stale.isEmpty() ? event.changes() : event.withRecords(fresh).changes();
    Consumer<Attempt> marking = a -> done.accept(marked(a, fresh, arrival));
    Consumer<List<ChangeResult>> finish =
        results -> marking.accept(toAttempt(message, results, at, slots, stale));
    publish(message, changes, marking, finish);
  }

  /**
   * Tells {@link Freshness} what became of {@code fresh}: a retriable failure may hand the message
   * back to its source, to come back after later messages for its names were applied.
   */
  private Attempt marked(Attempt a, List<RecordSet> fresh, long arrival) {
    String id = a.message().id();
    if (a instanceof Attempt.Failed f && Failure.of(f.error()) == Failure.RETRIABLE) {
      freshness.failed(id, arrival, fresh, clock.instant());
    } else if (a instanceof Attempt.Done) {
      freshness.applied(id, arrival, fresh, clock.instant());
    } else {
      freshness.settled(id);
    }
    return a;
  }

  /**
   * The event's timestamp, unless it lies further ahead than {@code core.max_clock_skew}: such a
   * timestamp must not make every later event for the name stale. (Intake refuses those events;
   * this guards messages accepted before the rule existed.)
   */
  private Instant trustedTimestamp(DnsEvent event) {
    Instant at = event.timestamp().orElse(null);
    if (at != null && at.isAfter(clock.instant().plus(maxClockSkew))) {
      return null;
    }
    return at;
  }

  private void publish(
      EventMessage message,
      List<Change> changes,
      Consumer<Attempt> done,
      Consumer<List<ChangeResult>> finish) {
    ZoneQueue[] queues = new ZoneQueue[changes.size()];
    ZoneQueue first = null;
    boolean oneZone = true;
    for (int i = 0; i < queues.length; i++) {
      String name = changes.get(i).name();
      ZoneQueue q = zones.find(name);
      if (q == null) {
        done.accept(
            new Attempt.Failed(
                message,
                new PermanentException(
                    "record "
                        + name
                        + " is in no managed zone (managed zones: "
                        + zones.describe()
                        + ")")));
        return;
      }
      queues[i] = q;
      first = first == null ? q : first;
      oneZone &= q == first;
    }
    if (oneZone) {
      first.add(
          new ZoneQueue.Request(
              changes,
              (results, error) -> {
                if (error != null) {
                  done.accept(new Attempt.Failed(message, error));
                } else {
                  finish.accept(results);
                }
              }));
      return;
    }
    new ZoneJoin(changes, queues, message, done, finish).send();
  }

  private Attempt toAttempt(
      EventMessage message,
      List<ChangeResult> results,
      Instant at,
      List<Freshness.Slot> slots,
      List<String> stale) {
    GordonException retriable = null;
    StringBuilder sb = new StringBuilder(64 * results.size()).append("published");
    for (ChangeResult r : results) {
      switch (r) {
        case ChangeResult.Applied a -> what(sb, r.change()).append(": applied;");
        case ChangeResult.Unchanged u ->
            what(sb, r.change()).append(": unchanged (").append(u.reason()).append(");");
        case ChangeResult.Failed f -> {
          if (Failure.of(f.error()) != Failure.RETRIABLE) {
            // A permanent failure decides: retrying cannot help that change.
            return new Attempt.Failed(message, f.error());
          }
          retriable = retriable == null ? f.error() : retriable;
        }
      }
    }
    if (retriable != null) {
      return new Attempt.Failed(message, retriable);
    }
    if (at != null) {
      Instant now = clock.instant();
      slots.forEach(slot -> slot.applied(at, now));
    }
    sb.setLength(sb.length() - 1);
    if (!stale.isEmpty()) {
      sb.append("; skipped stale ").append(String.join(", ", stale));
    }
    return new Attempt.Done(message.withHistory(clock.instant(), plugins, sb.toString()));
  }

  /** Appends " replace name/TYPE" or " remove name/TYPE" (the records' key). */
  private static StringBuilder what(StringBuilder sb, Change c) {
    RecordSet r = c.records();
    return sb.append(c instanceof Change.Replace ? " replace " : " remove ")
        .append(r.name())
        .append('/')
        .append(r.type());
  }
}
