package io.gordon.gcp.pubsub;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.gordon.api.RetriableException;
import io.gordon.api.janitor.EventPublisher;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The janitor's {@code gcp.gpubsub} publisher: sends each janitor event to a topic in the
 * original's wire format ({@link JanitorWire}), with the record name as ordering-free payload, and
 * returns once Pub/Sub has accepted every message (the original counted "submitted" as published;
 * this waits for the message ids). Counts {@code change-message{plugin, action, result}} as the
 * original did.
 */
final class JanitorPublisher implements EventPublisher {
  private final PluginContext context;
  private final TopicPublisher publisher;
  private final String topic;
  private final Duration timeout;

  JanitorPublisher(PluginContext context, TopicPublisher publisher, Duration timeout) {
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
  public void publish(List<DnsEvent> events) {
    List<ApiFuture<String>> futures = new ArrayList<>(events.size());
    for (DnsEvent e : events) {
      futures.add(
          publisher.publish(
              PubsubMessage.newBuilder()
                  .setData(ByteString.copyFrom(JanitorWire.encode(e), StandardCharsets.UTF_8))
                  .build()));
    }
    MetricRelay m = context.metrics();
    int failed = 0;
    String first = "";
    for (int i = 0; i < futures.size(); i++) {
      String action = events.get(i).action().wireName();
      try {
        String id = futures.get(i).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        m.incr(
            "change-message",
            Map.of("plugin", "gpubsub-publisher", "action", action, "result", "published"));
        context
            .logger()
            .log(
                System.Logger.Level.DEBUG,
                "Message published for {0}:{1} as {2}",
                action,
                events.get(i).orderingKey(),
                id);
      } catch (ExecutionException | TimeoutException e) {
        failed++;
        first = first.isEmpty() ? e.toString() : first;
        m.incr(
            "change-message",
            Map.of("plugin", "gpubsub-publisher", "action", action, "result", "error"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ApiFutures.allAsList(futures).cancel(true);
        throw new RetriableException("interrupted while publishing to " + topic, e);
      }
    }
    if (failed > 0) {
      throw new RetriableException(
          failed
              + " of "
              + events.size()
              + " janitor messages were"
              + " not accepted by "
              + topic
              + " (first: "
              + first
              + ")");
    }
  }

  @Override
  public void shutdown() {
    publisher.shutdown();
  }
}
