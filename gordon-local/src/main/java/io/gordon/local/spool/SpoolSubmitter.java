package io.gordon.local.spool;

import io.gordon.api.InvalidEventException;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.SourceContext;
import io.gordon.api.source.RedeliveryQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns one spool line into a message: a valid event is submitted with the event's {@code id} (else
 * {@code <file>:<line>}) as message id; an invalid line is dead-lettered with the decoder's
 * reasons. Acknowledged outcomes settle the line; a redelivery is submitted again after a growing
 * delay ({@link RedeliveryQueue}), its line left unsettled meanwhile, or sooner once a message of
 * the source is applied again.
 */
final class SpoolSubmitter {
  // The longest wait of a handed-back line (unless retry_delay is longer): after a provider outage
  // a
  // line is tried again at the source's first applied message (RedeliveryQueue.expedite), and never
  // later than this. It was 5 minutes, which kept lines waiting long after an outage ended.
  static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);
  private final SpoolOptions options;
  private final SpoolListener listener;
  private final ProgressCommitter committer;
  private final Runnable wakeup;
  private final RedeliveryQueue<Retry> retries;
  private final EventCodec codec;

  /** What the writer already decoded (see {@link SpoolFeed#decoded}). */
  private final java.util.function.Function<String, java.util.Optional<DnsEvent>> decoded;

  SpoolSubmitter(
      SpoolOptions options,
      EventCodec codec,
      SpoolListener listener,
      ProgressCommitter committer,
      Runnable wakeup,
      java.util.function.Function<String, java.util.Optional<DnsEvent>> decoded) {
    this.options = options;
    this.decoded = decoded;
    this.codec = codec;
    this.listener = listener;
    this.committer = committer;
    this.wakeup = wakeup;
    Duration first = options.retryDelay();
    this.retries =
        new RedeliveryQueue<>(
            first, first.compareTo(MAX_RETRY_DELAY) > 0 ? first : MAX_RETRY_DELAY);
  }

  /** A line handed back by the router, to submit again once its delay has passed. */
  private record Retry(
      SpoolCursor cursor,
      long line,
      String text,
      Instant fileTime,
      java.util.Optional<Instant> received,
      int attempt) {}

  /** A complete line of {@code c}: bytes {@code [from, to)} of {@code b}, ending at {@code end}. */
  void line(
      SourceContext ctx, SpoolCursor c, byte[] b, int from, int to, long end, Instant fileTime)
      throws InterruptedException {
    if (c.skipping) {
      c.skipping = false;
      overlongDone(ctx, c, end, fileTime);
      return;
    }
    long line = ++c.lineNo;
    String text = new String(b, from, to - from, StandardCharsets.UTF_8).strip();
    if (!c.consumed(line, end)) {
      return;
    }
    if (text.isEmpty()) {
      settle(c, line);
      return;
    }
    submit(ctx, c, line, text, fileTime, c.receipts.received(line), 1);
  }

  /** Part of a line longer than the limit: skip it, then dead-letter it whole. */
  void overlong(
      SourceContext ctx, SpoolCursor c, byte[] b, int len, boolean atEnd, Instant fileTime)
      throws InterruptedException {
    if (!c.skipping) {
      c.skipping = true;
      c.skipLine = ++c.lineNo;
      c.skipHead = new String(b, 0, Math.min(len, 1000), StandardCharsets.UTF_8) + "...";
    }
    c.readOffset += len;
    if (atEnd) {
      c.skipping = false;
      overlongDone(ctx, c, c.readOffset, fileTime);
    }
  }

  private void overlongDone(SourceContext ctx, SpoolCursor c, long end, Instant fileTime)
      throws InterruptedException {
    long line = c.skipLine;
    if (!c.consumed(line, end)) {
      return;
    }
    String id = c.name() + ":" + line;
    ctx.reject(
        id,
        c.skipHead,
        "line "
            + line
            + " of "
            + c.name()
            + " is longer than "
            + options.maxLineBytes()
            + " bytes (max_line_bytes)",
        attributes(c, line),
        delivery(c, line, c.skipHead, fileTime, java.util.Optional.empty(), 1));
  }

  void resubmitDue(SourceContext ctx) throws InterruptedException {
    for (Retry r : retries.takeDue()) {
      submit(ctx, r.cursor, r.line, r.text, r.fileTime, r.received, r.attempt + 1);
    }
  }

  private void submit(
      SourceContext ctx,
      SpoolCursor c,
      long line,
      String text,
      Instant fileTime,
      java.util.Optional<Instant> received,
      int attempt)
      throws InterruptedException {
    Delivery d = delivery(c, line, text, fileTime, received, attempt);
    DnsEvent event;
    try {
      event =
          attempt == 1
              ? decoded.apply(text).orElseGet(() -> codec.decode(text))
              : codec.decode(text);
    } catch (InvalidEventException e) {
      ctx.reject(
          c.name() + ":" + line,
          text,
          "line " + line + " of " + c.name() + ": " + String.join("; ", e.problems()),
          attributes(c, line),
          d);
      return;
    }
    String id = event.id().isPresent() ? event.id().get() : c.name() + ":" + line;
    Instant created = created(event, received, fileTime);
    listener.submitted(id);
    EventMessage m = EventMessage.create(id, event, "consume", created, attributes(c, line));
    // A line with a receipt was accepted (202) when it was written; a retry was accepted on its
    // first submission. Neither may be dead-lettered for its age now.
    if (received.isPresent() || attempt > 1) {
      ctx.resubmit(m, d);
    } else {
      ctx.submit(m, d);
    }
  }

  /**
   * The message's creation time, from which max_msg_age counts: the line's recorded receipt time
   * when there is one (local.http), else the event's timestamp if the source trusts it
   * (local.file), else the file's modification time.
   */
  private Instant created(DnsEvent event, java.util.Optional<Instant> received, Instant fileTime) {
    if (received.isPresent()) {
      return received.get();
    }
    return options.eventTime() ? event.timestamp().orElse(fileTime) : fileTime;
  }

  private Delivery delivery(
      SpoolCursor c,
      long line,
      String text,
      Instant fileTime,
      java.util.Optional<Instant> received,
      int attempt) {
    return (String id, Outcome outcome, List<HistoryEntry> history) -> {
      listener.settled(id, outcome, history);
      if (outcome.acknowledge()) {
        settle(c, line);
        if (outcome instanceof Outcome.Applied && retries.expedite() > 0) {
          wakeup.run();
        }
      } else {
        retries.schedule(new Retry(c, line, text, fileTime, received, attempt), attempt);
        wakeup.run();
      }
    };
  }

  private void settle(SpoolCursor c, long line) {
    c.settle(line);
    committer.changed(c);
  }

  private static Map<String, String> attributes(SpoolCursor c, long line) {
    return Map.of("file", c.name(), "line", Long.toString(line));
  }
}
