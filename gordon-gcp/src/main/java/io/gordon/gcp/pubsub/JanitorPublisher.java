package io.gordon.gcp.pubsub;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.gordon.api.PluginLoadException;
import io.gordon.api.RetriableException;
import io.gordon.api.janitor.EventPublisher;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginContext;
import java.io.IOException;
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
  private final String topic;
  private final Duration timeout;
  private final PubSubTransport transport;
  private volatile Publisher publisher;

  JanitorPublisher(
      PluginContext context, String topic, Duration timeout, PubSubTransport transport) {
    this.context = context;
    this.topic = topic;
    this.timeout = timeout;
    this.transport = transport;
  }

  @Override
  public void start() {
    try {
      Publisher.Builder b =
          Publisher.newBuilder(TopicName.parse(topic))
              .setCredentialsProvider(transport.credentials());
      if (transport.channels() != null) {
        b.setChannelProvider(transport.channels());
      }
      publisher = b.build();
    } catch (IOException | RuntimeException e) {
      throw new PluginLoadException(
          context.pluginName(),
          "cannot create a publisher for " + topic + ": " + e.getMessage(),
          e);
    }
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
    Publisher p = publisher;
    if (p != null) {
      p.shutdown();
      try {
        p.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    transport.close();
  }
}
