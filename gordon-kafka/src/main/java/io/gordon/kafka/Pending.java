package io.gordon.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A record on its way to the router: fetched, not yet submitted (or handed back and waiting to be
 * submitted again).
 *
 * @param partition the state of its partition at the time it was fetched; a record whose partition
 *     was revoked since is dropped, not submitted
 * @param record the record as fetched
 * @param attempt which submission this is, counting from 1
 */
record Pending(PartitionState partition, ConsumerRecord<byte[], byte[]> record, int attempt) {
  TopicPartition topicPartition() {
    return partition.topicPartition();
  }

  /** The same record for its next submission. */
  Pending next() {
    return new Pending(partition, record, attempt + 1);
  }

  /** {@code topic-partition@offset}: the record's coordinates, for ids and logs. */
  String coordinates() {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
