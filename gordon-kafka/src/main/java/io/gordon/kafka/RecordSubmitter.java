package io.gordon.kafka;

import io.gordon.api.InvalidEventException;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.SourceContext;
import io.gordon.api.source.RedeliveryQueue;
import io.gordon.api.source.Utf8;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands fetched records to the router, on a thread of its own so that a full router ({@code
 * core.max_in_flight}) blocks this thread and never {@code poll()}; the poll thread pauses the
 * partitions instead once too many records wait here.
 *
 * <p>A record whose event decodes is submitted with the event's {@code id} as message id (else its
 * coordinates {@code topic-partition@offset}), created at the record's timestamp, so that {@code
 * max_msg_age} counts from it. A record that does not decode (a poison record) is dead-lettered
 * with the decoder's reasons and settles like any other: it never blocks its partition.
 * Acknowledged outcomes settle the offset; a handed-back record is submitted again after a growing
 * delay, its offset still open, or sooner: an applied record shows that what failed (a provider
 * that was down) answers again, so the waiting records are made due at once ({@link
 * RedeliveryQueue#expedite()}, at most once per longest delay), and the poll thread hands them over
 * on its next pass.
 */
final class RecordSubmitter implements Runnable {
  private final SourceContext ctx;
  private final EventCodec codec;
  private final Clock clock;
  private final BlockingDeque<Pending> handoff;
  private final RedeliveryQueue<Pending> redeliveries;
  private volatile boolean stopped;

  RecordSubmitter(
      SourceContext ctx,
      EventCodec codec,
      Clock clock,
      BlockingDeque<Pending> handoff,
      RedeliveryQueue<Pending> redeliveries) {
    this.ctx = ctx;
    this.codec = codec;
    this.clock = clock;
    this.handoff = handoff;
    this.redeliveries = redeliveries;
  }

  @Override
  public void run() {
    try {
      while (!stopped) {
        Pending p = handoff.pollFirst(100, TimeUnit.MILLISECONDS);
        if (p != null && p.partition().claim()) {
          try {
            submit(p);
          } catch (RuntimeException e) {
            // a record that breaks the hand-over is a poison record too: park it, never loop
            ctx.reject(
                p.coordinates(),
                p.record().value() == null
                    ? ""
                    : new String(p.record().value(), StandardCharsets.UTF_8),
                "record " + p.coordinates() + " could not be handed over: " + e,
                attributes(p.record()),
                delivery(p));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void stop() {
    stopped = true;
  }

  private void submit(Pending p) throws InterruptedException {
    ConsumerRecord<byte[], byte[]> r = p.record();
    Delivery d = delivery(p);
    if (r.value() == null) {
      ctx.reject(
          p.coordinates(),
          "",
          "record " + p.coordinates() + " has no value (a " + "tombstone); expected a JSON event",
          attributes(r),
          d);
      return;
    }
    String text = new String(r.value(), StandardCharsets.UTF_8);
    int bad = text.indexOf('\uFFFD') < 0 ? -1 : Utf8.firstInvalidByte(r.value());
    if (bad >= 0) {
      // Decoding turned the bytes into U+FFFD: name the byte, and keep the value as it was.
      Map<String, String> a = attributes(r);
      a.put("value_base64", Base64.getEncoder().encodeToString(r.value()));
      ctx.reject(
          p.coordinates(),
          text,
          String.format(
              "record %s: value is not valid UTF-8: byte 0x%02X at offset %d (expected a JSON"
                  + " event in UTF-8, RFC 8259; the value's bytes are in attribute value_base64)",
              p.coordinates(), r.value()[bad] & 0xFF, bad),
          a,
          d);
      return;
    }
    DnsEvent event;
    try {
      event = codec.decode(text);
    } catch (InvalidEventException e) {
      ctx.reject(
          p.coordinates(),
          text,
          "record " + p.coordinates() + ": " + String.join("; ", e.problems()),
          attributes(r),
          d);
      return;
    }
    String id = event.id().orElse(p.coordinates());
    EventMessage m = EventMessage.create(id, event, "consume", created(r), attributes(r));
    if (p.attempt() > 1) {
      // accepted at its first submission: its age (grown during an outage) must not dead-letter it
      ctx.resubmit(m, d);
    } else {
      ctx.submit(m, d);
    }
  }

  private Delivery delivery(Pending p) {
    return (String id, Outcome outcome, List<HistoryEntry> history) -> {
      // settle before release: a revocation waiting for the release then commits this offset
      if (outcome.acknowledge()) {
        p.partition().tracker().settle(p.record().offset());
        if (outcome instanceof Outcome.Applied) {
          redeliveries.expedite();
        }
      } else if (!p.partition().revoked()) {
        redeliveries.schedule(p.next(), p.attempt());
      }
      p.partition().release();
    };
  }

  /** The record's timestamp (producer or broker time), else now. */
  private Instant created(ConsumerRecord<byte[], byte[]> r) {
    return r.timestamp() >= 0 ? Instant.ofEpochMilli(r.timestamp()) : clock.instant();
  }

  private static Map<String, String> attributes(ConsumerRecord<byte[], byte[]> r) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("topic", r.topic());
    a.put("partition", Integer.toString(r.partition()));
    a.put("offset", Long.toString(r.offset()));
    if (r.key() != null) {
      a.put("key", new String(r.key(), StandardCharsets.UTF_8));
    }
    return a;
  }
}
