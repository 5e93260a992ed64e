package io.gordon.kafka;

import io.gordon.api.source.RedeliveryQueue;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The partitions this member owns and their commits. Called on the poll thread only (the rebalance
 * callbacks run inside {@code poll()}), except for the states, which settlements reach from any
 * thread.
 *
 * <p>On revocation: stop submitting from the partition (drop its fetched and handed-back records),
 * wait up to {@code revoke_grace} for its records already in the router, commit what is
 * contiguously finished, and retire its tracker so that later settlements change nothing. The new
 * owner starts at that commit: it repeats what was finished out of order, never skips.
 */
final class Partitions implements ConsumerRebalanceListener {
  private final Map<TopicPartition, PartitionState> states = new ConcurrentHashMap<>();
  private final Consumer<byte[], byte[]> consumer;
  private final BlockingDeque<Pending> handoff;
  private final RedeliveryQueue<Pending> redeliveries;
  private final Duration grace;
  private final System.Logger log;

  Partitions(
      Consumer<byte[], byte[]> consumer,
      BlockingDeque<Pending> handoff,
      RedeliveryQueue<Pending> redeliveries,
      Duration grace,
      System.Logger log) {
    this.consumer = consumer;
    this.handoff = handoff;
    this.redeliveries = redeliveries;
    this.grace = grace;
    this.log = log;
  }

  /** Opens {@code r}'s offset in its partition's tracker and returns what to submit. */
  Pending fetched(ConsumerRecord<byte[], byte[]> r) {
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    PartitionState s = states.computeIfAbsent(tp, k -> new PartitionState(k, r.offset()));
    s.tracker().open(r.offset(), r.offset() + 1);
    return new Pending(s, r, 1);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    log.log(System.Logger.Level.INFO, "assigned {0}", partitions);
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      log.log(System.Logger.Level.INFO, "revoked {0}", partitions);
      release(partitions, true);
    }
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      log.log(
          System.Logger.Level.WARNING,
          "lost {0} (the group moved on without this member); "
              + "nothing more is committed for them",
          partitions);
      release(partitions, false);
    }
  }

  /** Releases every partition (shutdown), committing what is finished. */
  void releaseAll() {
    release(List.copyOf(states.keySet()), true);
  }

  private void release(Collection<TopicPartition> partitions, boolean commit) {
    List<PartitionState> gone =
        partitions.stream().map(states::get).filter(java.util.Objects::nonNull).toList();
    gone.forEach(PartitionState::revoke);
    handoff.removeIf(p -> p.partition().revoked());
    redeliveries.removeIf(p -> p.partition().revoked());
    if (commit) {
      awaitRouter(gone);
      commit(gone);
    }
    for (PartitionState s : gone) {
      s.tracker().retire();
      states.remove(s.topicPartition(), s);
    }
  }

  /** Waits (bounded by the grace) for the partitions' records already in the router. */
  private void awaitRouter(List<PartitionState> gone) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (gone.stream().anyMatch(s -> s.inRouter() > 0) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Commits every owned partition whose finished prefix moved; failures wait for the next. */
  void commitDue() {
    commit(List.copyOf(states.values()));
  }

  private void commit(Collection<PartitionState> which) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    Map<TopicPartition, PartitionState> byTp = new HashMap<>();
    for (PartitionState s : which) {
      long offset = s.commitDue();
      if (offset >= 0) {
        offsets.put(s.topicPartition(), new OffsetAndMetadata(offset));
        byTp.put(s.topicPartition(), s);
      }
    }
    if (offsets.isEmpty()) {
      return;
    }
    try {
      try {
        consumer.commitSync(offsets, Duration.ofSeconds(10));
      } catch (WakeupException e) {
        // stop() woke the consumer; this commit is still wanted
        consumer.commitSync(offsets, Duration.ofSeconds(10));
      }
      offsets.forEach((tp, o) -> byTp.get(tp).committed(o.offset()));
    } catch (KafkaException e) {
      log.log(
          System.Logger.Level.WARNING,
          "commit of {0} failed (retried at the next "
              + "interval; a crash before then repeats those records): {1}",
          offsets,
          e.toString());
    }
  }

  /** Records of every owned partition in the router. */
  int inRouter() {
    return states.values().stream().mapToInt(PartitionState::inRouter).sum();
  }
}
