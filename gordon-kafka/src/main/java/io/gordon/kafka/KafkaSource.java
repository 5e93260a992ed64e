package io.gordon.kafka;

import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.SourceContext;
import io.gordon.api.source.RedeliveryQueue;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The Kafka event source ({@code kafka.event_consumer}): one member of a consumer group. The poll
 * thread (the source's own) fetches records, opens their offsets and queues them for the {@link
 * RecordSubmitter}; it pauses every partition while more than {@code max_buffered} records wait and
 * resumes them once half have gone, so {@code poll()} runs often enough for the group to keep this
 * member however slow the router is. Every {@code commit_interval} it commits each partition up to
 * its first unfinished record ({@link Partitions}).
 */
final class KafkaSource implements EventSource {
  private static final Duration POLL = Duration.ofMillis(100);
  private final PluginContext context;
  private final KafkaSettings settings;
  private volatile boolean stopped;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  KafkaSource(PluginContext context, KafkaSettings settings) {
    this.context = context;
    this.settings = settings;
  }

  @Override
  public void start() {
    context
        .logger()
        .log(
            System.Logger.Level.INFO,
            "{0}: consumer {1} on {2}",
            context.pluginName(),
            ClientKeys.describe(settings.consumer()),
            settings.topics());
  }

  @Override
  public void run(SourceContext ctx) throws Exception {
    BlockingDeque<Pending> handoff = new LinkedBlockingDeque<>();
    RedeliveryQueue<Pending> redeliveries = settings.redeliveries(System::nanoTime);
    RecordSubmitter submitter =
        new RecordSubmitter(ctx, context.events(), context.clock(), handoff, redeliveries);
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(settings.consumer())) {
      consumer = c;
      Partitions partitions =
          new Partitions(c, handoff, redeliveries, settings.revokeGrace(), context.logger());
      c.subscribe(settings.topics(), partitions);
      Thread submitting =
          Thread.ofPlatform().name("gordon-kafka-submit").daemon(true).start(submitter);
      try {
        pollLoop(ctx, c, partitions, handoff, redeliveries);
      } finally {
        submitter.stop();
        submitting.join(settings.revokeGrace().toMillis() + 1000);
        partitions.releaseAll();
        consumer = null;
      }
    }
  }

  private void pollLoop(
      SourceContext ctx,
      KafkaConsumer<byte[], byte[]> c,
      Partitions partitions,
      BlockingDeque<Pending> handoff,
      RedeliveryQueue<Pending> redeliveries) {
    long nextCommit = System.nanoTime() + settings.commitInterval().toNanos();
    boolean paused = false;
    while (!stopped && !ctx.stopping()) {
      redeliveries.takeDue().reversed().forEach(handoff::addFirst);
      ConsumerRecords<byte[], byte[]> records;
      try {
        records = c.poll(POLL);
      } catch (WakeupException e) {
        break;
      }
      context.health().healthy();
      for (ConsumerRecord<byte[], byte[]> r : records) {
        handoff.addLast(partitions.fetched(r));
      }
      if (handoff.size() >= settings.maxBuffered()) {
        c.pause(c.assignment());
        paused = true;
      } else if (paused && handoff.size() <= settings.maxBuffered() / 2) {
        c.resume(c.paused());
        paused = false;
      }
      if (System.nanoTime() - nextCommit >= 0) {
        partitions.commitDue();
        nextCommit = System.nanoTime() + settings.commitInterval().toNanos();
      }
    }
  }

  @Override
  public void stop() {
    stopped = true;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }
}
