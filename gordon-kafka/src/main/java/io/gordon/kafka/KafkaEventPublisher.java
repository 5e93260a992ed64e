package io.gordon.kafka;

import io.gordon.api.RetriableException;
import io.gordon.api.janitor.EventPublisher;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * The janitor's {@code kafka.publisher}: produces each janitor event to a topic that {@code
 * kafka.event_consumer} reads, keyed by record name (so that it lands in the partition of that
 * name's live events and is applied in order with them), in the wire format of {@code gcp.gpubsub}
 * ({@link JanitorJson}). Returns only once the broker acknowledged every record ({@code acks=all},
 * idempotent producer); a change counts as published only then.
 */
final class KafkaEventPublisher implements EventPublisher {
  private final PluginContext context;
  private final TopicProducer producer;
  private final String topic;
  private final Duration timeout;

  KafkaEventPublisher(PluginContext context, Properties props, String topic, Duration timeout) {
    this.context = context;
    this.producer = new TopicProducer(context, props, topic);
    this.topic = topic;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    producer.start();
    context
        .logger()
        .log(
            System.Logger.Level.INFO,
            "{0}: producing janitor events to {1} with " + "{2}",
            context.pluginName(),
            topic,
            producer.describe());
  }

  @Override
  public void publish(List<DnsEvent> events) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
    int failed = 0;
    String first = "";
    for (DnsEvent e : events) {
      try {
        sent.add(producer.send(producer.record(e.orderingKey(), JanitorJson.encode(e))));
      } catch (KafkaException ex) {
        sent.add(null);
        failed++;
        first = first.isEmpty() ? ex.toString() : first;
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    MetricRelay m = context.metrics();
    for (int i = 0; i < sent.size(); i++) {
      String action = events.get(i).action().wireName();
      String result = "error";
      try {
        if (sent.get(i) != null) {
          RecordMetadata md =
              sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          result = "published";
          context
              .logger()
              .log(
                  System.Logger.Level.DEBUG,
                  "Message published for {0}:{1} to " + "{2}-{3}@{4}",
                  action,
                  events.get(i).orderingKey(),
                  topic,
                  md.partition(),
                  md.offset());
        }
      } catch (ExecutionException | TimeoutException ex) {
        failed++;
        first = first.isEmpty() ? (ex.getCause() != null ? ex.getCause() : ex).toString() : first;
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new RetriableException("interrupted while producing to " + topic, ex);
      }
      m.incr(
          "change-message",
          Map.of("plugin", "kafka-publisher", "action", action, "result", result));
    }
    if (failed > 0) {
      throw new RetriableException(
          failed
              + " of "
              + events.size()
              + " janitor messages were"
              + " not acknowledged by topic "
              + topic
              + " within "
              + timeout
              + " (first: "
              + first
              + ")");
    }
  }

  @Override
  public void shutdown() {
    producer.close();
  }
}
