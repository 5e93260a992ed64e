package io.gordon.kafka;

import io.gordon.api.janitor.JanitorLease;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The janitor lease on Kafka: a member of its own consumer group on a one-partition lease topic.
 * The member Kafka assigns partition 0 is the janitor; revocation or loss ends the lease at once.
 * The holder also gives the lease up by itself when its last successful heartbeat is older than
 * half the session timeout, so that it stops before the group coordinator (which waits the full
 * session timeout) can hand the partition to another member. Nothing is ever produced to or
 * committed on the lease topic: the assignment is the lease.
 */
final class JanitorLeaseConsumer implements JanitorLease, ConsumerRebalanceListener, Runnable {
  private static final Duration POLL = Duration.ofMillis(200);
  private final Properties props;
  private final String topic;
  private final TopicPartition leased;
  private final long staleAfterMillis;
  private final System.Logger log;
  private volatile boolean assigned;
  private volatile boolean stopped;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile Metric heartbeatAgo;

  JanitorLeaseConsumer(Properties props, String topic, System.Logger log) {
    this.props = props;
    this.topic = topic;
    this.leased = new TopicPartition(topic, 0);
    this.staleAfterMillis =
        Long.parseLong(String.valueOf(props.getOrDefault("session.timeout.ms", "45000"))) / 2;
    this.log = log;
  }

  @Override
  public boolean held() {
    if (!assigned || stopped) {
      return false;
    }
    Metric m = heartbeatAgo;
    if (m == null) {
      return true;
    }
    Object v = m.metricValue();
    // NaN or negative until the first heartbeat: the assignment itself is that fresh
    return !(v instanceof Double d) || d.isNaN() || d < 0 || d * 1000 < staleAfterMillis;
  }

  @Override
  public String describe() {
    return "partition 0 of topic " + topic + " (group " + props.get("group.id") + ")";
  }

  @Override
  public void run() {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
      consumer = c;
      c.subscribe(List.of(topic), this);
      while (!stopped) {
        try {
          c.poll(POLL);
        } catch (WakeupException e) {
          break;
        }
        if (heartbeatAgo == null) {
          heartbeatAgo = metric(c);
        }
      }
    } catch (RuntimeException e) {
      log.log(
          System.Logger.Level.ERROR,
          "janitor lease consumer on "
              + topic
              + " failed; this "
              + "instance will not run the janitor: "
              + e,
          e);
    } finally {
      assigned = false;
      consumer = null;
    }
  }

  private static Metric metric(KafkaConsumer<byte[], byte[]> c) {
    for (var e : c.metrics().entrySet()) {
      MetricName n = e.getKey();
      if (n.name().equals("last-heartbeat-seconds-ago")) {
        return e.getValue();
      }
    }
    return null;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    if (partitions.contains(leased)) {
      assigned = true;
      log.log(
          System.Logger.Level.INFO,
          "janitor lease acquired: {0}; this instance runs the " + "janitor",
          describe());
    }
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    release(partitions, "revoked");
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    release(partitions, "lost");
  }

  private void release(Collection<TopicPartition> partitions, String how) {
    if (partitions.contains(leased) && assigned) {
      assigned = false;
      log.log(System.Logger.Level.INFO, "janitor lease {0}: {1}", how, describe());
    }
  }

  void stop() {
    stopped = true;
    assigned = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }
}
