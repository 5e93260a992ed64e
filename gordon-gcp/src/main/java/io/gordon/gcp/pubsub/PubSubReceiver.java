package io.gordon.gcp.pubsub;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.protobuf.util.Timestamps;
import com.google.pubsub.v1.PubsubMessage;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.SourceContext;
import io.gordon.api.source.Utf8;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Turns each Pub/Sub message into an {@link EventMessage} (id = Pub/Sub message id, created at =
 * publish time) and hands it to the router. The message is acked only when the router says it is
 * done (applied, skipped or dead-lettered) and nacked when it must be redelivered, when the service
 * is stopping, or when handing it over failed. Undecodable input is dead-lettered. Runs on the
 * client library's threads; with ordering keys the library calls it sequentially per key.
 */
final class PubSubReceiver implements MessageReceiver {
  private static final int MAX_REMEMBERED = 100_000;
  private final PluginContext context;
  private final SourceContext source;
  private final BooleanSupplier stopped;
  private final Set<String> nacked = ConcurrentHashMap.newKeySet();

  /**
   * max_messages: messages handed to the router and not yet answered. Kept here rather than in the
   * client's flow control, whose window also counts acks the client has not sent yet (it sends them
   * every 100 ms): with a window of max_messages, that delay, not gordon's work, set the pace (25
   * messages per ~230 ms).
   */
  private final Semaphore working;

  PubSubReceiver(
      PluginContext context, SourceContext source, BooleanSupplier stopped, int maxMessages) {
    this.working = new Semaphore(maxMessages);
    this.context = context;
    this.source = source;
    this.stopped = stopped;
  }

  @Override
  public void receiveMessage(PubsubMessage message, AckReplyConsumer pubsubReply) {
    try {
      working.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pubsubReply.nack();
      return;
    }
    AckReplyConsumer reply = releasing(pubsubReply);
    String id = message.getMessageId();
    AtomicBoolean settled = new AtomicBoolean();
    Delivery delivery =
        (mid, outcome, history) -> {
          if (settled.compareAndSet(false, true)) {
            if (outcome.acknowledge()) {
              reply.ack();
            } else {
              accepted(id);
              reply.nack();
            }
          }
        };
    try {
      if (stopped.getAsBoolean() || source.stopping()) {
        settled.set(true);
        reply.nack();
        return;
      }
      handle(id, message, delivery, settled, reply);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      nackUnlessSettled(id, settled, reply, "interrupted");
    } catch (RuntimeException e) {
      log(System.Logger.Level.ERROR, "[msg-{0}] handing the message over failed: {1}", id, e);
      nackUnlessSettled(id, settled, reply, e.toString());
    }
  }

  private void handle(
      String id,
      PubsubMessage message,
      Delivery delivery,
      AtomicBoolean settled,
      AckReplyConsumer reply)
      throws InterruptedException {
    String data = message.getData().toStringUtf8();
    Map<String, String> attrs = new HashMap<>(message.getAttributesMap());
    if (!message.getOrderingKey().isEmpty()) {
      attrs.put("ordering_key", message.getOrderingKey());
    }
    Instant published =
        message.hasPublishTime()
            ? Instant.ofEpochMilli(Timestamps.toMillis(message.getPublishTime()))
            : context.clock().instant();
    attrs.put("publish_time", published.toString());
    log(System.Logger.Level.DEBUG, "[msg-{0}] Received new message.", id);
    if (data.indexOf('\uFFFD') >= 0 && !message.getData().isValidUtf8()) {
      // Decoding turned the bytes into U+FFFD: name the byte, and keep the data as it was.
      byte[] bytes = message.getData().toByteArray();
      int bad = Utf8.firstInvalidByte(bytes);
      attrs.put("data_base64", Base64.getEncoder().encodeToString(bytes));
      String reason =
          String.format(
              "message data is not valid UTF-8: byte 0x%02X at offset %d (expected a JSON event"
                  + " in UTF-8, RFC 8259; the data's bytes are in attribute data_base64)",
              bytes[bad] & 0xFF, bad);
      log(System.Logger.Level.WARNING, "[msg-{0}] cannot decode: {1}", id, reason);
      source.reject(id, data, reason, attrs, delivery);
      return;
    }
    Optional<String> noChange =
        AuditLogFilter.isIntermediate(data)
            ? Optional.of("does not complete its operation (operation.last is not true)")
            : AuditLogFilter.failure(data);
    if (noChange.isPresent()) {
      context
          .metrics()
          .incr("audit-log-entry-skipped", Map.of("plugin", PubSubConsumer.METRICS_PLUGIN));
      log(
          System.Logger.Level.INFO,
          "[msg-{0}] audit-log entry {1}; acking without an event",
          id,
          noChange.get());
      settled.set(true);
      reply.ack();
      return;
    }
    DnsEvent event;
    try {
      event = context.events().decode(data);
    } catch (RuntimeException e) {
      context
          .metrics()
          .incr(
              "message-validated",
              Map.of("plugin", PubSubConsumer.METRICS_PLUGIN, "schema", "unknown"));
      log(System.Logger.Level.WARNING, "[msg-{0}] cannot decode: {1}", id, e.getMessage());
      source.reject(id, data, String.valueOf(e.getMessage()), attrs, delivery);
      return;
    }
    context
        .metrics()
        .incr(
            "message-validated",
            Map.of("plugin", PubSubConsumer.METRICS_PLUGIN, "schema", event.schema()));
    EventMessage m =
        EventMessage.create(id, event, "consume", published, attrs)
            .withHistory(
                context.clock().instant(),
                "consume",
                "Created a \"" + event.schema() + "\" message.");
    if (redelivered(id, message)) {
      source.resubmit(m, delivery);
    } else {
      source.submit(m, delivery);
    }
  }

  /** {@code reply}, giving back the message's {@link #working} permit on its first answer. */
  private AckReplyConsumer releasing(AckReplyConsumer reply) {
    AtomicBoolean answered = new AtomicBoolean();
    return new AckReplyConsumer() {
      @Override
      public void ack() {
        if (answered.compareAndSet(false, true)) {
          working.release();
          reply.ack();
        }
      }

      @Override
      public void nack() {
        if (answered.compareAndSet(false, true)) {
          working.release();
          reply.nack();
        }
      }
    };
  }

  /** Notes that {@code id} was accepted and nacked: Pub/Sub will deliver it again. */
  private void accepted(String id) {
    if (nacked.size() >= MAX_REMEMBERED) {
      nacked.clear();
    }
    nacked.add(id);
  }

  /**
   * Whether gordon accepted this message before: it nacked it (remembered in memory), or Pub/Sub
   * counts more than one delivery attempt (subscriptions with a dead-letter policy). Such a message
   * is not refused for its age again (max_msg_age applies once, at intake).
   */
  private boolean redelivered(String id, PubsubMessage message) {
    Integer attempt = Subscriber.getDeliveryAttempt(message);
    return nacked.remove(id) || (attempt != null && attempt > 1);
  }

  private void nackUnlessSettled(
      String id, AtomicBoolean settled, AckReplyConsumer reply, String why) {
    if (settled.compareAndSet(false, true)) {
      log(System.Logger.Level.WARNING, "[msg-{0}] nacked: {1}", id, why);
      reply.nack();
    }
  }

  private void log(System.Logger.Level level, String format, Object... args) {
    context.logger().log(level, context.pluginName() + ": " + format, args);
  }
}
