package io.gordon.kafka;

import io.gordon.api.plugin.PluginContext;
import io.gordon.api.source.RedeliveryQueue;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.LongSupplier;

/**
 * The validated settings of {@code kafka.event_consumer}.
 *
 * @param consumer every consumer property: the client table, then bootstrap.servers, group.id and
 *     gordon's fixed ones
 * @param topics the topics to subscribe to
 * @param maxBuffered records fetched but not yet submitted above which partitions are paused
 * @param commitInterval how often finished offsets are committed
 * @param redeliveryDelay the first delay before a handed-back record is submitted again
 * @param revokeGrace how long a revocation (or shutdown) waits for records in the router
 */
record KafkaSettings(
    Properties consumer,
    List<String> topics,
    int maxBuffered,
    Duration commitInterval,
    Duration redeliveryDelay,
    Duration revokeGrace) {
  /**
   * Longest delay between two submissions of a handed-back record (unless {@code redelivery_delay}
   * is longer); the same as the spool sources' so that, after a provider outage, a record handed
   * back during it waits at most this long even when no other record is applied to expedite it.
   */
  static final Duration MAX_REDELIVERY_DELAY = Duration.ofMinutes(1);

  KafkaSettings {
    topics = List.copyOf(topics);
  }

  /** The queue of handed-back records: {@code redeliveryDelay}, doubling up to the longest. */
  RedeliveryQueue<Pending> redeliveries(LongSupplier nanoTime) {
    Duration max =
        redeliveryDelay.compareTo(MAX_REDELIVERY_DELAY) > 0
            ? redeliveryDelay
            : MAX_REDELIVERY_DELAY;
    return new RedeliveryQueue<>(redeliveryDelay, max, nanoTime);
  }

  /** Reads a configuration validated against {@link KafkaConsumerFactory#SPEC}. */
  static KafkaSettings from(PluginContext ctx) {
    var c = ctx.config();
    Properties p = new Properties();
    p.put("auto.offset.reset", "earliest");
    p.put("client.id", "gordon-" + ProcessHandle.current().pid());
    p.putAll(ClientKeys.properties(ctx, KafkaConsumerFactory.FIXED));
    p.put("bootstrap.servers", ClientKeys.bootstrap(c));
    p.put("group.id", c.get(KafkaConsumerFactory.GROUP_ID));
    p.putAll(KafkaConsumerFactory.FIXED);
    return new KafkaSettings(
        p,
        c.get(KafkaConsumerFactory.TOPICS),
        c.get(KafkaConsumerFactory.MAX_BUFFERED),
        c.get(KafkaConsumerFactory.COMMIT_INTERVAL),
        c.get(KafkaConsumerFactory.REDELIVERY_DELAY),
        c.get(KafkaConsumerFactory.REVOKE_GRACE));
  }
}
