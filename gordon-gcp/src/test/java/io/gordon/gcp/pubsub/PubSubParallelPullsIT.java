package io.gordon.gcp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Outcome;
import io.gordon.gcp.TestContext;
import io.gordon.testing.gcp.PubSubEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code parallel_pulls} against the real emulator: several streaming pulls on one subscription
 * keep each ordering key in publish order (Pub/Sub keeps a key on one stream) and share one {@code
 * max_messages} bound.
 */
class PubSubParallelPullsIT {
  static final String PROJECT = "gordon-test";
  private static PubSubEmulator emulator;
  private static int seq;
  private String topic;
  private String subscription;
  private final List<EmulatorConsumer> running = new ArrayList<>();

  @BeforeAll
  static void startEmulator() {
    emulator = PubSubEmulator.start();
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @BeforeEach
  void uniqueTopic() {
    seq++;
    topic = "pp" + seq + "-" + System.nanoTime();
    subscription = "pps" + seq + "-" + System.nanoTime();
    emulator.createTopic(PROJECT, topic);
  }

  @AfterEach
  void stopConsumers() {
    running.forEach(EmulatorConsumer::stop);
  }

  @Test
  void severalStreamingPullsKeepEachOrderingKeyInPublishOrder() {
    EmulatorConsumer r =
        consume(
            Map.of("parallel_pulls", 3L, "enable_message_ordering", true, "max_messages", 100L));
    Map<String, List<String>> published = new LinkedHashMap<>();
    for (int i = 0; i < 8; i++) {
      for (int k = 0; k < 6; k++) {
        String key = "k" + k + ".example.com.";
        published
            .computeIfAbsent(key, x -> new ArrayList<>())
            .add(emulator.publish(PROJECT, topic, event("h" + k, i), Map.of(), key));
      }
    }
    // settled as they come, as the router would: Pub/Sub holds a key's later messages back
    // while earlier ones are outstanding
    int[] settled = {0};
    await()
        .atMost(PubSubIT.WAIT)
        .until(
            () -> {
              for (; settled[0] < r.source().count(); settled[0]++) {
                r.source().get(settled[0]).settle(new Outcome.Applied());
              }
              return Set.copyOf(r.source().ids()).size() == 48;
            });
    Map<String, List<String>> delivered = new HashMap<>();
    synchronized (r.source().submitted) {
      for (var s : r.source().submitted) {
        EventMessage m = s.message();
        List<String> ids =
            delivered.computeIfAbsent(m.attributes().get("ordering_key"), x -> new ArrayList<>());
        // first deliveries only: a redelivery starts again at a lapsed message
        if (!ids.contains(m.id())) {
          ids.add(m.id());
        }
      }
    }
    assertThat(delivered).isEqualTo(published);
  }

  @Test
  void maxMessagesBoundsTheMessagesInWorkOverAllStreams() {
    EmulatorConsumer r = consume(Map.of("parallel_pulls", 4L, "max_messages", 3L));
    for (int i = 0; i < 8; i++) {
      emulator.publish(PROJECT, topic, event("fc" + i, i), Map.of(), null);
    }
    await().atMost(PubSubIT.WAIT).until(() -> r.source().count() >= 3);
    await().during(PubSubIT.QUIET).atMost(PubSubIT.WAIT).until(() -> r.source().count() == 3);
    for (int i = 0; i < 3; i++) {
      r.source().get(i).settle(new Outcome.Applied());
    }
    await().atMost(PubSubIT.WAIT).until(() -> r.source().count() >= 6);
    await().during(PubSubIT.QUIET).atMost(PubSubIT.WAIT).until(() -> r.source().count() == 6);
  }

  @Test
  void theParallelPullCountIsOneToSixteenAndOneByDefault() {
    Map<String, Object> given =
        Map.of("project", PROJECT, "topic", "t", "subscription", "s", "parallel_pulls", 0L);
    assertThat(PubSubConsumerFactory.SPEC.read(given, Path.of("."), k -> null).problems())
        .extracting(Object::toString)
        .containsExactly("parallel_pulls: invalid value 0 (expected an integer, from 1 to 16)");
    Map<String, Object> none = new HashMap<>(given);
    none.remove("parallel_pulls");
    assertThat(PubSubConsumerFactory.SPEC.read(none, Path.of("."), k -> null).values())
        .containsEntry("parallel_pulls", 1L);
  }

  private EmulatorConsumer consume(Map<String, Object> extra) {
    TestContext context =
        new TestContext(
                "gcp.event_consumer",
                PubSubConsumerFactory.SPEC,
                EmulatorConsumer.settings(emulator, topic, subscription, extra))
            .withCodec(PubSubIT.CODEC);
    EmulatorConsumer r = EmulatorConsumer.create(context, "pulls-" + seq).run();
    running.add(r);
    // messages published before the subscription exists are not delivered to it
    await().atMost(PubSubIT.WAIT).until(() -> emulator.subscriptionExists(PROJECT, subscription));
    return r;
  }

  private static String event(String host, int i) {
    return "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\""
        + host
        + ".example.com.\",\"type\":\"A\",\"rrdatas\":[\"192.0.2."
        + (i + 1)
        + "\"],\"ttl\":300}}";
  }
}
