/**
 * The Kafka plugins: {@code kafka.event_consumer} ({@link io.gordon.kafka.KafkaConsumerFactory}), a
 * consumer group member that commits each partition up to its first unfinished record, and {@code
 * kafka.dead_letter} ({@link io.gordon.kafka.KafkaDeadLetterFactory}), a dead-letter sink that
 * produces to a topic. See docs/kafka.md.
 */
package io.gordon.kafka;
