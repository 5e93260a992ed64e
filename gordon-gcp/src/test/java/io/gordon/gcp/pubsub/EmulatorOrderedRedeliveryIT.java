package io.gordon.gcp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.gordon.testing.gcp.PubSubEmulator;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Pub/Sub emulator's ordered redelivery after a subscriber dies, with the client library only
 * (no gordon code): subscriber B receives messages and never answers them, then its channel is torn
 * down (as kill -9 would: no nack, no further lease extension). Subscriber A acks everything it
 * gets. Pub/Sub documents that B's messages come back once their ack deadline (10 s here) lapses,
 * so A must end with every message of every key. The test prints the keys that never came back, if
 * any.
 *
 * <p>On cloud-pubsub-emulator 0.8.20 it fails (B held 49 keys; 30 of them never reached A in 90 s),
 * so it runs only with {@code -Dgordon.it.pubsubKill=true}: it shows the emulator's fault behind
 * PubSubScaleOutIT, and will pass once the emulator redelivers as documented.
 */
@EnabledIfSystemProperty(
    named = "gordon.it.pubsubKill",
    matches = "true",
    disabledReason =
        "fails on the Pub/Sub emulator 0.8.20: ordering keys held by a dead "
            + "subscriber are not redelivered (docs/scaling.md)")
class EmulatorOrderedRedeliveryIT {
  static final String PROJECT = "gordon-repro";
  static final int KEYS = 100;
  static final int PER_KEY = 10;
  static PubSubEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = PubSubEmulator.start();
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void messagesLeasedToADeadSubscriberComeBackAfterTheAckDeadline() throws Exception {
    String topic = "t-" + System.nanoTime();
    emulator.createTopic(PROJECT, topic);
    emulator.createSubscription(PROJECT, "s-" + topic, topic, true, 10);
    ProjectSubscriptionName sub = ProjectSubscriptionName.of(PROJECT, "s-" + topic);
    Map<String, Set<Integer>> seenByA = new ConcurrentHashMap<>();
    Set<String> heldByB = ConcurrentHashMap.newKeySet();
    ManagedChannel channelA = channel();
    ManagedChannel channelB = channel();
    ManagedChannel channelP = channel();
    Subscriber a =
        subscriber(
            sub,
            channelA,
            (m, reply) -> {
              seenByA
                  .computeIfAbsent(m.getOrderingKey(), k -> ConcurrentHashMap.newKeySet())
                  .add(Integer.parseInt(m.getData().toStringUtf8()));
              reply.ack();
            });
    Subscriber b = subscriber(sub, channelB, (m, reply) -> heldByB.add(m.getOrderingKey()));
    a.startAsync().awaitRunning();
    b.startAsync().awaitRunning();
    Publisher p =
        Publisher.newBuilder(TopicName.of(PROJECT, topic))
            .setChannelProvider(
                FixedTransportChannelProvider.create(GrpcTransportChannel.create(channelP)))
            .setCredentialsProvider(NoCredentialsProvider.create())
            .setEnableMessageOrdering(true)
            .build();
    List<com.google.api.core.ApiFuture<String>> sent = new ArrayList<>();
    for (int v = 1; v <= PER_KEY; v++) {
      for (int k = 0; k < KEYS; k++) {
        sent.add(
            p.publish(
                PubsubMessage.newBuilder()
                    .setOrderingKey("k" + k)
                    .setData(ByteString.copyFromUtf8(Integer.toString(v)))
                    .build()));
      }
    }
    for (var f : sent) {
      f.get(60, TimeUnit.SECONDS);
    }
    long waitForB = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (heldByB.isEmpty() && System.nanoTime() < waitForB) {
      Thread.sleep(100);
    }
    // B dies: its channel goes away without a nack
    channelB.shutdownNow();
    System.out.printf("repro: B held %d keys when it died%n", heldByB.size());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < end && complete(seenByA) < KEYS) {
      Thread.sleep(500);
    }
    Set<String> missing = new TreeSet<>();
    for (int k = 0; k < KEYS; k++) {
      Set<Integer> s = seenByA.getOrDefault("k" + k, Set.of());
      if (s.size() < PER_KEY) {
        missing.add("k" + k + (heldByB.contains("k" + k) ? " (held by B)" : "") + " " + s);
      }
    }
    System.out.printf(
        "repro: %d of %d keys incomplete at A 90 s after B died: %s%n",
        missing.size(), KEYS, missing);
    p.shutdown();
    a.stopAsync();
    b.stopAsync();
    channelA.shutdownNow();
    channelP.shutdownNow();
    assertThat(heldByB).as("B had leased some keys").isNotEmpty();
    assertThat(missing).as("keys whose messages never reached A").isEmpty();
  }

  private static int complete(Map<String, Set<Integer>> seen) {
    return (int) seen.values().stream().filter(s -> s.size() == PER_KEY).count();
  }

  private static ManagedChannel channel() {
    return ManagedChannelBuilder.forTarget(emulator.hostPort()).usePlaintext().build();
  }

  private static Subscriber subscriber(
      ProjectSubscriptionName sub,
      ManagedChannel ch,
      com.google.cloud.pubsub.v1.MessageReceiver receiver) {
    return Subscriber.newBuilder(sub, receiver)
        .setChannelProvider(FixedTransportChannelProvider.create(GrpcTransportChannel.create(ch)))
        .setCredentialsProvider(NoCredentialsProvider.create())
        .setMaxDurationPerAckExtensionDuration(Duration.ofSeconds(10))
        .build();
  }
}
