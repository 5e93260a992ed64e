package io.gordon.kafka;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** Creates {@code kafka.event_consumer}, the Kafka event source (one consumer group member). */
public final class KafkaConsumerFactory implements PluginFactory {
  static final ConfigSpec SPEC = spec();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public KafkaConsumerFactory() {}

  private static ConfigSpec spec() {
    ConfigSpec.Builder b = ConfigSpec.builder()
        .required("bootstrap_servers", ConfigType.STRING_LIST, Rule.nonEmpty(),
            "host:port of one or more brokers to bootstrap from (bootstrap.servers).")
        .required("topics", ConfigType.STRING_LIST, Rule.nonEmpty(), "Topics to consume. "
            + "Producers should key records by record name, so that one name stays in one "
            + "partition and its events are applied in order.")
        .required("group_id", ConfigType.STRING, Rule.nonEmpty(), "Consumer group: every "
            + "gordon instance with the same group_id shares the topics' partitions.")
        .optional("max_msg_age", ConfigType.DURATION, null, Rule.durationAtLeast(0),
            "Records whose timestamp is older than this are dead-lettered; overrides "
                + "core.max_msg_age (0 disables).");
    ClientKeys.client(b, "consumer");
    return b
        .optional("max_buffered", ConfigType.INTEGER, 1000L, Rule.between(1, 1_000_000),
            "Records fetched but not yet handed to the router; above it every partition is "
                + "paused (poll() keeps running, so the group never evicts this member).")
        .optional("commit_interval", ConfigType.DURATION, Duration.ofSeconds(1),
            Rule.durationAtLeast(0.01), "How often finished offsets are committed; a crash "
                + "repeats what finished since, and what finished after the first unfinished "
                + "record (providers apply repeats idempotently).")
        .optional("redelivery_delay", ConfigType.DURATION, Duration.ofSeconds(1),
            Rule.durationAtLeast(0), "First delay before a record the router handed back "
                + "(retries exhausted) is submitted again; doubles up to 5 minutes. Its "
                + "partition's offset is not committed past it meanwhile.")
        .optional("revoke_grace", ConfigType.DURATION, Duration.ofSeconds(10),
            Rule.durationAtLeast(0), "On a rebalance, how long to wait for records of the "
                + "revoked partitions already in the router before committing what is "
                + "contiguously finished and leaving the rest to the new owner. Also the "
                + "wait at shutdown. Keep it well below max.poll.interval.ms.")
        .optional("janitor_lease_topic", ConfigType.STRING, null, Rule.nonEmpty(),
            "With [janitor] interval on several instances: a topic with one partition whose "
                + "assignment is the janitor lease. Only the instance Kafka assigns partition 0 "
                + "runs the janitor; another takes over when it stops or its session times "
                + "out. Unset: every instance runs its own janitor.")
        .optional("janitor_lease_group", ConfigType.STRING, null, Rule.nonEmpty(),
            "Consumer group of the janitor lease; default <group_id>-janitor. Instances that "
                + "share it share one janitor.")
        .build();
  }

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
    var leaseTopic = context.config().optString("janitor_lease_topic");
    if (leaseTopic.isEmpty()) {
      return source;
    }
    Properties p = new Properties();
    p.putAll(settings.consumer());
    p.put("group.id", context.config().optString("janitor_lease_group")
        .orElse(context.config().string("group_id") + "-janitor"));
    p.put("client.id", p.get("client.id") + "-janitor-lease");
    if (!"consumer".equalsIgnoreCase(String.valueOf(p.get("group.protocol")))) {
      // sticky: a member joining (a restart, a deploy) does not take the lease from its holder
      p.put("partition.assignment.strategy",
          "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    }
    return new LeasedKafkaSource(source, new JanitorLeaseConsumer(p, leaseTopic.get(),
        context.logger()));
  }

  /** The consumer properties gordon sets itself; the client table may not override them. */
  static final Map<String, String> FIXED = Map.of(
      "enable.auto.commit", "false",
      "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
      "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
}
