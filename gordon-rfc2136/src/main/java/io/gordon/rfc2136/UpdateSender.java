package io.gordon.rfc2136;

import io.gordon.api.GordonException;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.rfc2136.Rfc2136ErrorMapper.Subject;
import io.gordon.rfc2136.Rfc2136Settings.TcpMode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Update;

/**
 * Sends the ops of one zone as one UPDATE message and records a result per op. When the server
 * refuses the message for a reason one change may cause (a failed prerequisite, REFUSED, FORMERR,
 * NOTZONE), the ops are split in halves and each half is sent again, so every other change still
 * lands and only the offending one fails: about 2 log2(n) extra messages per bad change.
 */
final class UpdateSender {
  /** The largest message sent over TCP: 64 KiB less a margin for the header and TSIG. */
  static final int TCP_LIMIT = 65535 - 512;

  private final Rfc2136Settings settings;
  private final Rfc2136Client client;
  private final Rfc2136ErrorMapper errors;
  private final Conflicts conflicts;
  private final System.Logger logger;
  private final MetricRelay metrics;
  private final HealthReporter health;

  UpdateSender(
      Rfc2136Settings settings,
      Rfc2136Client client,
      Conflicts conflicts,
      System.Logger logger,
      MetricRelay metrics,
      HealthReporter health) {
    this.settings = settings;
    this.client = client;
    this.errors = new Rfc2136ErrorMapper(settings);
    this.conflicts = conflicts;
    this.logger = logger;
    this.metrics = metrics;
    this.health = health;
  }

  /** The largest message this provider builds. */
  int messageLimit() {
    return settings.tcp() == TcpMode.NEVER ? Rfc2136Client.UDP_LIMIT : TCP_LIMIT;
  }

  /** Sends {@code ops} (all of {@code zone}, distinct names) and fills in their results. */
  void send(String zone, List<Op> ops, ChangeResult[] results) {
    if (ops.isEmpty()) {
      return;
    }
    Rfc2136Client.Rendered update = client.render(build(zone, ops));
    if (ops.size() > 1 && update.size() > messageLimit()) {
      split(zone, ops, results);
      return;
    }
    Subject subject = subject(zone, ops);
    if (update.size() > TCP_LIMIT) {
      // one change no message can carry: no server could take it, so neither retried nor a
      // sign of an unhealthy server (which would take the provider out of /readyz)
      fail(ops, results, errors.tooLarge(subject, update.size()));
      return;
    }
    long start = System.nanoTime();
    Message response;
    try {
      response = client.send(update);
    } catch (IOException e) {
      GordonException error = errors.forIo(e, subject);
      health.unhealthy(error.getMessage());
      fail(ops, results, error);
      return;
    }
    int rcode = response.getRcode();
    record(zone, ops.size(), rcode, start);
    if (rcode == Rcode.NOERROR && Rfc2136ErrorMapper.tsigError(response).isEmpty()) {
      if (client.signed() && !response.isVerified()) {
        fail(ops, results, errors.unverified(subject));
        return;
      }
      health.healthy();
      ops.forEach(op -> results[op.index()] = new ChangeResult.Applied(op.change()));
    } else if (rcode == Rcode.REFUSED
        && Rfc2136ErrorMapper.tsigError(response).isEmpty()
        && !mayUpdate(zone)) {
      // Every update is refused (a frozen zone, a policy without the key): splitting cannot help.
      fail(ops, results, errors.zoneRefused(subject));
    } else if (ops.size() > 1 && Rfc2136ErrorMapper.mayBeOneChange(response)) {
      logger.log(
          Level.DEBUG,
          () ->
              "UPDATE of zone "
                  + zone
                  + " with "
                  + ops.size()
                  + " changes answered "
                  + Rcode.string(rcode)
                  + "; splitting it to isolate the change");
      split(zone, ops, results);
    } else if (Rfc2136ErrorMapper.prerequisiteFailed(rcode)) {
      Op op = ops.get(0);
      results[op.index()] = new ChangeResult.Failed(op.change(), conflicts.describe(op, rcode));
    } else if (rcode == Rcode.REFUSED && ops.size() == 1) {
      fail(ops, results, errors.refusedContent(subject));
    } else {
      fail(ops, results, errors.forResponse(response, subject));
    }
  }

  /**
   * Whether this key may update {@code zone} at all: an UPDATE holding only a prerequisite that is
   * always true changes nothing and is accepted exactly when the update policy lets the key in. A
   * REFUSED for a change the key may make is then the server's check of the result (BIND's name
   * server sanity and integrity checks), not a permission problem.
   */
  private boolean mayUpdate(String zone) {
    Update probe = new Update(Records.name(zone));
    probe.addRecord(
        org.xbill.DNS.Record.newRecord(
            Records.name(zone), org.xbill.DNS.Type.ANY, org.xbill.DNS.DClass.ANY, 0),
        Section.PREREQ);
    try {
      Message answer = client.send(probe);
      return answer.getRcode() == Rcode.NOERROR && Rfc2136ErrorMapper.tsigError(answer).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Sends {@code ops} as one message and records them applied if the server accepts it; returns
   * false for any other outcome, recording nothing for that message (the caller then takes the
   * careful path, which reports errors and skips the changes already applied). A message over the
   * size limit is sent as two halves, each by this method, rather than given up.
   */
  boolean sendAll(String zone, List<Op> ops, ChangeResult[] results) {
    return sendAll(zone, ops, part -> client.render(build(zone, part)), results);
  }

  /** The same for ops written by {@link UpdateWire} instead of dnsjava. */
  boolean sendWire(String zone, List<WireOp> ops, ChangeResult[] results) {
    return sendAll(zone, ops, part -> client.render(zone, UpdateWire.update(zone, part)), results);
  }

  private <T extends Sendable> boolean sendAll(
      String zone,
      List<T> ops,
      Function<List<T>, Rfc2136Client.Rendered> render,
      ChangeResult[] results) {
    if (ops.isEmpty()) {
      return true;
    }
    Rfc2136Client.Rendered update = render.apply(ops);
    if (update.size() > messageLimit()) {
      if (ops.size() == 1) {
        return false;
      }
      int half = ops.size() / 2;
      boolean first = sendAll(zone, ops.subList(0, half), render, results);
      return sendAll(zone, ops.subList(half, ops.size()), render, results) && first;
    }
    long start = System.nanoTime();
    Message response;
    try {
      response = client.send(update);
    } catch (IOException e) {
      return false;
    }
    int rcode = response.getRcode();
    record(zone, ops.size(), rcode, start);
    if (rcode != Rcode.NOERROR
        || Rfc2136ErrorMapper.tsigError(response).isPresent()
        || (client.signed() && !response.isVerified())) {
      return false;
    }
    health.healthy();
    for (T op : ops) {
      results[op.index()] = new ChangeResult.Applied(op.change());
    }
    return true;
  }

  private void split(String zone, List<Op> ops, ChangeResult[] results) {
    int half = ops.size() / 2;
    send(zone, ops.subList(0, half), results);
    send(zone, ops.subList(half, ops.size()), results);
  }

  static Update build(String zone, List<Op> ops) {
    Update update = new Update(Records.name(zone));
    for (Op op : ops) {
      for (Record r : op.prerequisites()) {
        update.addRecord(r, Section.PREREQ);
      }
      for (Record r : op.updates()) {
        update.addRecord(r, Section.UPDATE);
      }
    }
    return update;
  }

  private static Subject subject(String zone, List<Op> ops) {
    if (ops.size() == 1) {
      Op op = ops.get(0);
      return new Subject(zone, op.change().name(), op.change().type().name());
    }
    return Subject.zone(zone);
  }

  private static void fail(List<Op> ops, ChangeResult[] results, GordonException error) {
    ops.forEach(op -> results[op.index()] = new ChangeResult.Failed(op.change(), error));
  }

  private void record(String zone, int changes, int rcode, long startNanos) {
    Map<String, String> tags = Map.of("zone", zone, "rcode", Rcode.string(rcode));
    metrics.timing("rfc2136.update", Duration.ofNanos(System.nanoTime() - startNanos), tags);
    metrics.incr("rfc2136.changes-sent", changes, tags);
  }
}
