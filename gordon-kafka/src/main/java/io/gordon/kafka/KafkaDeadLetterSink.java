package io.gordon.kafka;

import io.gordon.api.RetriableException;
import io.gordon.api.plugin.DeadLetter;
import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.PluginContext;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * The Kafka dead-letter sink ({@code kafka.dead_letter}): produces each dead letter's JSON to a
 * topic and returns only once the broker acknowledged it ({@code acks=all}), so that the source may
 * then commit past the original. The record is keyed like the original (its key, else the message
 * id) and carries headers {@code reason}, {@code phase}, {@code plugin}, {@code message_id} and,
 * when the original came from Kafka, {@code topic}, {@code partition} and {@code offset}.
 */
final class KafkaDeadLetterSink implements DeadLetterSink {
  private final PluginContext context;
  private final TopicProducer producer;
  private final String topic;
  private final Duration timeout;

  KafkaDeadLetterSink(PluginContext context, Properties props, String topic, Duration timeout) {
    this.context = context;
    this.producer = new TopicProducer(context, props, topic);
    this.topic = topic;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    producer.start();
  }

  @Override
  public void park(DeadLetter letter) {
    String key = letter.attributes().getOrDefault("key", letter.messageId());
    ProducerRecord<byte[], byte[]> r =
        producer.record(key, DeadLetterJson.encode(letter, context.events()));
    header(r, "reason", letter.reason());
    header(r, "phase", letter.phase());
    header(r, "plugin", letter.plugin());
    header(r, "message_id", letter.messageId());
    for (String a : new String[] {"topic", "partition", "offset"}) {
      String v = letter.attributes().get(a);
      if (v != null) {
        header(r, a, v);
      }
    }
    Future<RecordMetadata> sent;
    try {
      sent = producer.send(r);
    } catch (KafkaException e) {
      throw new RetriableException(
          "cannot produce dead letter of message " + letter.messageId() + " to " + topic + ": " + e,
          e);
    }
    try {
      RecordMetadata m = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      context
          .logger()
          .log(
              System.Logger.Level.INFO,
              "[msg-{0}] dead letter produced to {1}-{2}" + "@{3}",
              letter.messageId(),
              topic,
              m.partition(),
              m.offset());
    } catch (ExecutionException | TimeoutException e) {
      throw new RetriableException(
          "cannot produce dead letter of message "
              + letter.messageId()
              + " to "
              + topic
              + ": "
              + (e.getCause() != null ? e.getCause() : e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException(
          "interrupted while producing dead letter of message " + letter.messageId(), e);
    }
  }

  private static void header(ProducerRecord<byte[], byte[]> r, String name, String value) {
    r.headers().add(name, TopicProducer.utf8(value));
  }

  @Override
  public void shutdown() {
    producer.close();
  }
}
