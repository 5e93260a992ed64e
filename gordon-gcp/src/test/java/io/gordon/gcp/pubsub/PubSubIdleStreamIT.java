package io.gordon.gcp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.api.plugin.Outcome;
import io.gordon.gcp.TestContext;
import io.gordon.testing.gcp.PubSubEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consumer left idle on the emulator, as a person testing by hand leaves it: the client's
 * keepalive pings must not tear its stream down (the emulator in the image does not answer them),
 * and a message published after a minute of quiet is delivered at once.
 */
class PubSubIdleStreamIT {
  private static final Logger CLIENT =
      Logger.getLogger("com.google.cloud.pubsub.v1.StreamingSubscriberConnection");
  private static PubSubEmulator emulator;
  private static final List<String> clientLog = new CopyOnWriteArrayList<>();
  private static final Handler RECORDER =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          clientLog.add(String.valueOf(r.getMessage()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void startEmulator() {
    emulator = PubSubEmulator.start();
    CLIENT.addHandler(RECORDER);
  }

  @AfterAll
  static void stopEmulator() {
    CLIENT.removeHandler(RECORDER);
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void aMessagePublishedAfterAMinuteOfQuietIsDeliveredAtOnceOnTheSameStream() throws Exception {
    String topic = "idle-" + System.nanoTime();
    String subscription = "idle-sub-" + System.nanoTime();
    emulator.createTopic(PubSubIT.PROJECT, topic);
    TestContext context =
        new TestContext(
                "gcp.event_consumer",
                PubSubConsumerFactory.SPEC,
                EmulatorConsumer.settings(emulator, topic, subscription, Map.of()))
            .withCodec(PubSubIT.CODEC);
    EmulatorConsumer r = EmulatorConsumer.create(context, "idle-consumer").run();
    try {
      await()
          .atMost(PubSubIT.WAIT)
          .until(() -> emulator.subscriptionExists(PubSubIT.PROJECT, subscription));
      // two keepalive rounds: the client pings every 30 s and gives up on a ping after 15 s
      Thread.sleep(Duration.ofSeconds(65));
      String id =
          emulator.publish(
              PubSubIT.PROJECT, topic, PubSubIT.event("idle", "192.0.2.7"), Map.of(), null);
      await().atMost(Duration.ofSeconds(10)).until(() -> r.source().ids().contains(id));
      r.source().submitted.getFirst().settle(new Outcome.Applied());
      assertThat(clientLog).noneMatch(m -> m.startsWith("No response from server"));
    } finally {
      r.stop();
    }
  }
}
