package io.gordon.gcp.pubsub;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.protobuf.util.Timestamps;
import com.google.pubsub.v1.PubsubMessage;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.SourceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Turns each Pub/Sub message into an {@link EventMessage} (id = Pub/Sub message id, created at =
 * publish time) and hands it to the router. The message is acked only when the router says it is
 * done (applied, skipped or dead-lettered) and nacked when it must be redelivered, when the
 * service is stopping, or when handing it over failed. Undecodable input is dead-lettered. Runs
 * on the client library's threads; with ordering keys the library calls it sequentially per key.
 */
final class PubSubReceiver implements MessageReceiver {
  private final PluginContext context;
  private final SourceContext source;
  private final BooleanSupplier stopped;

  PubSubReceiver(PluginContext context, SourceContext source, BooleanSupplier stopped) {
    this.context = context;
    this.source = source;
    this.stopped = stopped;
  }

  @Override
  public void receiveMessage(PubsubMessage message, AckReplyConsumer reply) {
    String id = message.getMessageId();
    AtomicBoolean settled = new AtomicBoolean();
    Delivery delivery = (mid, outcome, history) -> {
      if (settled.compareAndSet(false, true)) {
        if (outcome.acknowledge()) {
          reply.ack();
        } else {
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

  private void handle(String id, PubsubMessage message, Delivery delivery, AtomicBoolean settled,
      AckReplyConsumer reply) throws InterruptedException {
    String data = message.getData().toStringUtf8();
    Map<String, String> attrs = new HashMap<>(message.getAttributesMap());
    if (!message.getOrderingKey().isEmpty()) {
      attrs.put("ordering_key", message.getOrderingKey());
    }
    Instant published = message.hasPublishTime()
        ? Instant.ofEpochMilli(Timestamps.toMillis(message.getPublishTime()))
        : context.clock().instant();
    attrs.put("publish_time", published.toString());
    log(System.Logger.Level.DEBUG, "[msg-{0}] Received new message.", id);
    if (AuditLogFilter.isIntermediate(data)) {
      context.metrics().incr("audit-log-entry-skipped", Map.of("plugin", "event-consumer"));
      log(System.Logger.Level.INFO, "[msg-{0}] audit-log entry does not complete its operation "
          + "(operation.last is not true); acking without an event", id);
      settled.set(true);
      reply.ack();
      return;
    }
    DnsEvent event;
    try {
      event = context.events().decode(data);
    } catch (RuntimeException e) {
      context.metrics().incr("message-validated", Map.of("plugin", "event-consumer",
          "schema", "unknown"));
      log(System.Logger.Level.WARNING, "[msg-{0}] cannot decode: {1}", id, e.getMessage());
      source.reject(id, data, String.valueOf(e.getMessage()), attrs, delivery);
      return;
    }
    context.metrics().incr("message-validated", Map.of("plugin", "event-consumer",
        "schema", event.schema()));
    EventMessage m = EventMessage.create(id, event, "consume", published, attrs)
        .withHistory(context.clock().instant(), "consume", "Created a \"" + event.schema()
            + "\" message.");
    source.submit(m, delivery);
  }

  private void nackUnlessSettled(String id, AtomicBoolean settled, AckReplyConsumer reply,
      String why) {
    if (settled.compareAndSet(false, true)) {
      log(System.Logger.Level.WARNING, "[msg-{0}] nacked: {1}", id, why);
      reply.nack();
    }
  }

  private void log(System.Logger.Level level, String format, Object... args) {
    context.logger().log(level, context.pluginName() + ": " + format, args);
  }
}
