/**
 * A real single-node Kafka broker: {@link io.gordon.testing.kafka.KafkaBrokerMain} is the program
 * behind {@code bin/kafka-broker}, {@link io.gordon.testing.kafka.KafkaBroker} runs that script as
 * a child process for tests and benchmarks.
 */
package io.gordon.testing.kafka;
