package io.gordon.gcp.pubsub;

import com.google.api.core.ApiFuture;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.gordon.api.RetriableException;
import io.gordon.api.plugin.DeadLetter;
import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.PluginContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Pub/Sub dead-letter sink ({@code gcp.dead_letter}): publishes each dead letter's JSON to a
 * topic, with {@code reason}, {@code phase}, {@code plugin} and {@code message_id} as attributes,
 * and returns only once Pub/Sub has accepted it (so the source may then ack the original).
 */
final class PubSubDeadLetterSink implements DeadLetterSink {
  /** Pub/Sub limits attribute values to 1024 bytes. */
  private static final int MAX_ATTRIBUTE = 1000;

  private final PluginContext context;
  private final TopicPublisher publisher;
  private final String topic;
  private final Duration timeout;

  PubSubDeadLetterSink(PluginContext context, TopicPublisher publisher, Duration timeout) {
    this.context = context;
    this.publisher = publisher;
    this.topic = publisher.topic();
    this.timeout = timeout;
  }

  @Override
  public void start() {
    publisher.start();
  }

  @Override
  public void park(DeadLetter letter) {
    PubsubMessage m =
        PubsubMessage.newBuilder()
            .setData(
                ByteString.copyFrom(
                    DeadLetterJson.encode(letter, context.events()), StandardCharsets.UTF_8))
            .putAttributes("reason", clip(letter.reason()))
            .putAttributes("phase", clip(letter.phase()))
            .putAttributes("plugin", clip(letter.plugin()))
            .putAttributes("message_id", clip(letter.messageId()))
            .build();
    ApiFuture<String> future = publisher.publish(m);
    try {
      String id = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      context
          .logger()
          .log(
              System.Logger.Level.INFO,
              "[msg-{0}] dead letter published to {1} " + "as {2}",
              letter.messageId(),
              topic,
              id);
    } catch (ExecutionException | TimeoutException e) {
      future.cancel(true);
      throw new RetriableException(
          "cannot publish dead letter of message " + letter.messageId() + " to " + topic + ": " + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException(
          "interrupted while publishing dead letter of message " + letter.messageId(), e);
    }
  }

  private static String clip(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length <= MAX_ATTRIBUTE) {
      return s;
    }
    return new String(b, 0, MAX_ATTRIBUTE, StandardCharsets.UTF_8).replaceAll("\uFFFD$", "")
        + "...";
  }

  @Override
  public void shutdown() {
    publisher.shutdown();
  }
}
