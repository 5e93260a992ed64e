package io.gordon.kafka;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.Key;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Creates {@code kafka.event_consumer}, the Kafka event source (one consumer group member). */
public final class KafkaConsumerFactory implements PluginFactory {
  static final Key<List<String>> TOPICS =
      Key.strings("topics")
          .rule(Rule.nonEmpty())
          .required(
              "Topics to consume. Producers should key records by record name, so that one"
                  + " name stays in one partition and its events are applied in order.");
  static final Key<String> GROUP_ID =
      Key.string("group_id")
          .rule(Rule.nonEmpty())
          .required(
              "Consumer group: every gordon instance with the same group_id shares the topics'"
                  + " partitions.");
  static final Key<Integer> MAX_BUFFERED =
      Key.integer(
          "max_buffered",
          1000,
          Rule.between(1, 1_000_000),
          "Records fetched but not yet handed to the router; above it"
              + " every partition is paused (poll() keeps running, so the group never evicts this"
              + " member).");
  static final Key<Duration> COMMIT_INTERVAL =
      Key.duration(
          "commit_interval",
          Duration.ofSeconds(1),
          Rule.durationAtLeast(0.01),
          "How often finished offsets are"
              + " committed; a crash repeats what finished since, and what finished after the first"
              + " unfinished record (providers apply repeats idempotently).");
  static final Key<Duration> REDELIVERY_DELAY =
      Key.duration(
          "redelivery_delay",
          Duration.ofSeconds(1),
          Rule.durationAtLeast(0),
          "First delay before a record the router"
              + " handed back (retries exhausted) is submitted again; doubles up to 1 minute, and"
              + " the first record applied after it (a provider back after an outage) makes it due"
              + " at once (at most once a minute). Its partition's offset is not committed past it"
              + " meanwhile.");
  static final Key<Duration> REVOKE_GRACE =
      Key.duration(
          "revoke_grace",
          Duration.ofSeconds(10),
          Rule.durationAtLeast(0),
          "On a rebalance, how long to wait for records of the revoked"
              + " partitions already in the router before committing what is contiguously finished"
              + " and leaving the rest to the new owner. Also the wait at shutdown. Keep it well"
              + " below max.poll.interval.ms.");
  static final Key<Optional<String>> JANITOR_LEASE_TOPIC =
      Key.string("janitor_lease_topic")
          .rule(Rule.nonEmpty())
          .optional(
              "With [janitor] interval on several instances: a topic with"
                  + " one partition whose assignment is the janitor lease. Only the instance Kafka assigns"
                  + " partition 0 runs the janitor; another takes over when it stops or its session times"
                  + " out. Unset: every instance runs its own janitor.");
  static final Key<Optional<String>> JANITOR_LEASE_GROUP =
      Key.string("janitor_lease_group")
          .rule(Rule.nonEmpty())
          .optional(
              "Consumer group of the janitor lease; default"
                  + " <group_id>-janitor. Instances that share it share one janitor.");
  static final ConfigSpec SPEC =
      ConfigSpec.of(
          ClientKeys.BOOTSTRAP_SERVERS,
          TOPICS,
          GROUP_ID,
          ClientKeys.client("consumer"),
          MAX_BUFFERED,
          COMMIT_INTERVAL,
          REDELIVERY_DELAY,
          REVOKE_GRACE,
          JANITOR_LEASE_TOPIC,
          JANITOR_LEASE_GROUP);

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public KafkaConsumerFactory() {}

  @Override
  public String name() {
    return "kafka.event_consumer";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.SOURCE;
  }

  @Override
  public String description() {
    return "Kafka source: a consumer group member; commits each partition up to the first "
        + "unfinished record.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    KafkaSettings settings = KafkaSettings.from(context);
    KafkaSource source = new KafkaSource(context, settings);
    Optional<String> leaseTopic = context.config().get(JANITOR_LEASE_TOPIC);
    if (leaseTopic.isEmpty()) {
      return source;
    }
    Properties p = new Properties();
    p.putAll(settings.consumer());
    p.put(
        "group.id",
        context
            .config()
            .get(JANITOR_LEASE_GROUP)
            .orElse(context.config().get(GROUP_ID) + "-janitor"));
    p.put("client.id", p.get("client.id") + "-janitor-lease");
    if (!"consumer".equalsIgnoreCase(String.valueOf(p.get("group.protocol")))) {
      // sticky: a member joining (a restart, a deploy) does not take the lease from its holder
      p.put(
          "partition.assignment.strategy",
          "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    }
    return new LeasedKafkaSource(
        source, new JanitorLeaseConsumer(p, leaseTopic.get(), context.logger()));
  }

  /** The consumer properties gordon sets itself; the client table may not override them. */
  static final Map<String, String> FIXED =
      Map.of(
          "enable.auto.commit", "false",
          "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
          "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
}
