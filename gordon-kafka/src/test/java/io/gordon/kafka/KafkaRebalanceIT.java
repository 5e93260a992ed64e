package io.gordon.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.api.plugin.Outcome;
import io.gordon.kafka.Recorder.Item;
import io.gordon.testing.kafka.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two kafka.event_consumer members of one group on a real broker, rebalancing. */
class KafkaRebalanceIT {
  static Kafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = new Kafka(KafkaBroker.start(Map.of()));
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void aRevokedPartitionCommitsItsContiguousPrefixAndTheNewOwnerResumesThere() throws Exception {
    String topic = kafka.topic("rebalance", 4);
    String group = "g-" + topic;
    for (int p = 0; p < 4; p++) {
      for (int i = 0; i < 10; i++) {
        kafka.send(
            topic,
            p,
            "n" + p + "-" + i + ".example.com.",
            Kafka.event("n" + p + "-" + i + ".example.com.", "10.5." + p + "." + (i + 1)));
      }
    }
    Map<String, Object> quick = Map.of("revoke_grace", Duration.ofMillis(500));
    try (Running a = new Running(kafka.consumerContext(topic, group, quick))) {
      List<Item> held = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Item item = a.recorder.next();
        if (item.offset() == 2) {
          held.add(item); // in the router, unfinished, when the rebalance comes
        } else {
          item.settle(new Outcome.Applied());
        }
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> kafka.committed(group).equals(Map.of(0, 2L, 1, 2L, 2, 2L, 3, 2L)));

      try (Running b = new Running(kafka.consumerContext(topic, group, quick))) {
        List<Item> fromA = new ArrayList<>();
        List<Item> fromB = new ArrayList<>();
        drainUntilQuiet(a, b, fromA, fromB);
        Map<Integer, List<Long>> movedOffsets = new TreeMap<>();
        fromB.forEach(
            i ->
                movedOffsets
                    .computeIfAbsent(i.partition(), k -> new ArrayList<>())
                    .add(i.offset()));
        assertThat(movedOffsets).as("the new member got partitions").isNotEmpty();
        movedOffsets
            .values()
            .forEach(
                offsets ->
                    assertThat(offsets)
                        .as(
                            "resumes at the first "
                                + "unfinished record, repeating what was finished after it")
                        .containsExactlyElementsOf(LongStream.range(2, 10).boxed().toList()));

        held.forEach(i -> i.settle(new Outcome.Applied())); // late for moved partitions
        Thread.sleep(500); // several commit intervals
        Set<Integer> moved = new TreeSet<>(movedOffsets.keySet());
        Map<Integer, Long> committed = kafka.committed(group);
        moved.forEach(
            p ->
                assertThat(committed.get(p))
                    .as("partition %d after a late " + "settlement by its old owner", p)
                    .isEqualTo(2L));

        fromA.forEach(i -> i.settle(new Outcome.Applied()));
        fromB.forEach(i -> i.settle(new Outcome.Applied()));
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> kafka.committed(group).equals(Map.of(0, 10L, 1, 10L, 2, 10L, 3, 10L)));
      }
    }
  }

  /** Collects what both members submit until neither submits anything for 3 s. */
  private static void drainUntilQuiet(Running a, Running b, List<Item> fromA, List<Item> fromB)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Item x = a.recorder.poll(100);
      Item y = b.recorder.poll(100);
      if (x != null) {
        fromA.add(x);
      }
      if (y != null) {
        fromB.add(y);
      }
      if (x != null || y != null) {
        quietSince = System.nanoTime();
      } else if (!fromB.isEmpty() && System.nanoTime() - quietSince > 3_000_000_000L) {
        return;
      }
    }
    throw new AssertionError("the second member got nothing within 90 s");
  }
}
