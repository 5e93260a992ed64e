package io.gordon.core.janitor;

import io.gordon.api.janitor.Authority;
import io.gordon.api.janitor.EventPublisher;
import io.gordon.api.janitor.ZoneReader;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.RecordReader;
import io.gordon.core.delivery.Failure;
import io.gordon.core.router.Pipeline;
import io.gordon.core.router.RouterBuilder;
import io.gordon.core.router.Settled;
import io.gordon.core.runtime.Assembly;
import io.gordon.core.runtime.Assembly.Named;
import io.gordon.core.runtime.PluginLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One janitor run over loaded plugins: starts them, plans ({@link Reconciler}), and unless it is a
 * dry run sends the plan's events, through an {@link EventPublisher} when one is listed, else
 * through the same pipeline as {@code gordon apply} (router, batching, retries, ownership, dead
 * letters). Stops the plugins it started.
 */
public final class JanitorRun {
  /** The state of an event a run did not send because it lost the janitor lease. */
  public static final String NOT_SENT = "not-sent";

  /** Why. */
  static final String LEASE_LOST =
      "the janitor lease was lost before this write (another "
          + "instance runs the janitor now); not sent";

  private final Assembly assembly;
  private final List<Named<GordonPlugin>> janitorPlugins;
  private final OwnershipRules rules;
  private final Clock clock;
  private final Duration timeout;
  private final BooleanSupplier mayWrite;

  /**
   * What to do.
   *
   * @param dryRun plan and report only
   * @param force let the deletion guard pass once
   * @param adopt take over unowned RRsets the authority lists
   */
  public record Options(boolean dryRun, boolean force, boolean adopt) {}

  /**
   * Prepares a run.
   *
   * @param assembly the loaded providers, dead-letter sink and metrics (no sources)
   * @param janitorPlugins the loaded authorities, zone reader and event publisher
   * @param rules owner id and deletion guard
   * @param timeout longest wait for the pipeline to settle the events
   */
  public JanitorRun(
      Assembly assembly,
      List<Named<GordonPlugin>> janitorPlugins,
      OwnershipRules rules,
      Clock clock,
      Duration timeout) {
    this(assembly, janitorPlugins, rules, clock, timeout, () -> true);
  }

  /**
   * Prepares a run that writes only while {@code mayWrite} holds: it is asked before each zone's
   * writes, and a false answer leaves that zone and the rest unwritten ({@link #NOT_SENT}). The
   * janitor lease of {@code gordon run} (see {@link io.gordon.api.janitor.JanitorLease}).
   */
  public JanitorRun(
      Assembly assembly,
      List<Named<GordonPlugin>> janitorPlugins,
      OwnershipRules rules,
      Clock clock,
      Duration timeout,
      BooleanSupplier mayWrite) {
    this.mayWrite = mayWrite;
    this.assembly = assembly;
    this.janitorPlugins = List.copyOf(janitorPlugins);
    this.rules = rules;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Runs once; never throws for a failure of the run itself, the report says what failed. */
  public JanitorReport run(Options options) throws InterruptedException {
    Instant started = clock.instant();
    JanitorMetrics metrics = new JanitorMetrics(assembly.metrics());
    PluginLifecycle lifecycle = new PluginLifecycle(assembly.health());
    try {
      lifecycle.start(assembly.startOrder(), p -> !(p.plugin() instanceof EventSource));
      lifecycle.start(janitorPlugins, p -> true);
    } catch (RuntimeException e) {
      lifecycle.shutdown();
      return failed(started, "cannot start the janitor's plugins: " + Failure.describe(e));
    }
    try {
      JanitorPlan plan =
          metrics.timed(
              "reconciler",
              () ->
                  new Reconciler(authorities(), reader(), rules)
                      .plan(options.adopt(), options.force()));
      metrics.planned(plan);
      if (options.dryRun()) {
        return new JanitorReport(started, plan, List.of(), true, List.of());
      }
      String runId = Long.toString(started.toEpochMilli(), 36);
      List<DnsEvent> events = JanitorEvents.of(plan.zones(), runId);
      List<String> errors = new ArrayList<>();
      List<Sent> sent = events.isEmpty() ? List.of() : send(plan, events, errors);
      metrics.sent(sent);
      return new JanitorReport(started, plan, sent, false, errors);
    } finally {
      lifecycle.shutdown();
    }
  }

  private JanitorReport failed(Instant started, String error) {
    return new JanitorReport(
        started, new JanitorPlan(List.of(), List.of()), List.of(), false, List.of(error));
  }

  private List<Named<Authority>> authorities() {
    List<Named<Authority>> out = new ArrayList<>();
    for (Named<GordonPlugin> p : janitorPlugins) {
      if (p.plugin() instanceof Authority a) {
        out.add(new Named<>(p.name(), a, p.config()));
      }
    }
    return out;
  }

  private <T> Optional<T> first(Class<T> type) {
    for (Named<GordonPlugin> p : janitorPlugins) {
      if (type.isInstance(p.plugin())) {
        return Optional.of(type.cast(p.plugin()));
      }
    }
    return Optional.empty();
  }

  private RecordReader reader() {
    Optional<ZoneReader> reader = first(ZoneReader.class);
    if (reader.isPresent()) {
      return reader.get();
    }
    List<DnsProvider> providers = new ArrayList<>();
    assembly.providers().forEach(p -> providers.add(p.plugin()));
    return new ProviderZones(providers);
  }

  /** Sends zone by zone, asking {@link #mayWrite} before each zone's writes. */
  private List<Sent> send(JanitorPlan plan, List<DnsEvent> events, List<String> errors)
      throws InterruptedException {
    List<Sent> out = new ArrayList<>();
    int at = 0;
    for (ZonePlan z : plan.zones()) {
      int n = z.changes().size();
      if (n == 0) {
        continue;
      }
      List<DnsEvent> zoneEvents = events.subList(at, at + n);
      List<String> zones = java.util.Collections.nCopies(n, z.zone());
      if (!mayWrite.getAsBoolean()) {
        if (!errors.contains(LEASE_LOST)) {
          errors.add(LEASE_LOST);
        }
        for (int i = 0; i < n; i++) {
          out.add(
              new Sent(
                  zoneEvents.get(i).id().orElseThrow(),
                  z.zone(),
                  z.changes().get(i),
                  NOT_SENT,
                  LEASE_LOST));
        }
      } else {
        out.addAll(send(zoneEvents, z.changes(), zones, errors));
      }
      at += n;
    }
    return out;
  }

  private List<Sent> send(
      List<DnsEvent> events, List<PlannedChange> changes, List<String> zones, List<String> errors)
      throws InterruptedException {
    Optional<EventPublisher> publisher = first(EventPublisher.class);
    List<Sent> out = new ArrayList<>();
    if (publisher.isPresent()) {
      String state = "published";
      String reason = "";
      try {
        publisher.get().publish(events);
      } catch (RuntimeException e) {
        state = "failed";
        reason = Failure.describe(e);
        String error = "the event publisher failed: " + reason;
        if (!errors.contains(error)) {
          errors.add(error);
        }
      }
      for (int i = 0; i < events.size(); i++) {
        out.add(
            new Sent(
                events.get(i).id().orElseThrow(), zones.get(i), changes.get(i), state, reason));
      }
      return out;
    }
    List<Settled> settled =
        Pipeline.runOnce(
            RouterBuilder.from(publishOnly(), clock).build(), messages(events), timeout);
    for (int i = 0; i < settled.size(); i++) {
      Outcome o = settled.get(i).outcome();
      out.add(
          new Sent(settled.get(i).messageId(), zones.get(i), changes.get(i), o.state(), reason(o)));
    }
    return out;
  }

  private static String reason(Outcome o) {
    return switch (o) {
      case Outcome.Applied a -> "";
      case Outcome.Skipped s -> s.reason();
      case Outcome.DeadLettered d -> d.reason();
      case Outcome.Redeliver r -> r.reason();
    };
  }

  private List<EventMessage> messages(List<DnsEvent> events) {
    List<EventMessage> out = new ArrayList<>(events.size());
    Instant now = clock.instant();
    for (DnsEvent e : events) {
      out.add(
          EventMessage.create(
              e.id().orElseThrow(), e, "consume", now, Map.of("source", "janitor")));
    }
    return out;
  }

  /**
   * The assembly without sources and handlers: the janitor's events go straight to the providers.
   * Their compare-and-swap expectations reach the providers through {@link DnsEvent#changes()},
   * which the publish stage uses.
   */
  private Assembly publishOnly() {
    return new Assembly(
        assembly.settings(),
        List.of(),
        List.of(),
        assembly.providers(),
        assembly.metrics(),
        assembly.deadLetterSink(),
        assembly.codec(),
        assembly.health(),
        assembly.startOrder());
  }
}
