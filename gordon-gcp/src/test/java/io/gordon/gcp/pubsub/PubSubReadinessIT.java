package io.gordon.gcp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.api.plugin.Outcome;
import io.gordon.core.admin.AdminServer;
import io.gordon.core.runtime.HealthRegistry;
import io.gordon.gcp.TestContext;
import io.gordon.testing.fakes.RecordingMetricRelay;
import io.gordon.testing.gcp.PubSubEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /readyz} of a real admin server for a Pub/Sub consumer against the real emulator: 503
 * naming the subscription until it exists and is consumed, and again when it is deleted. The health
 * threshold is an hour, so every 503 seen here is one the consumer reports at once.
 */
class PubSubReadinessIT {
  static final String PROJECT = PubSubIT.PROJECT;
  static final String NAME = "gcp.event_consumer";
  private static PubSubEmulator emulator;
  private static int seq;
  private final HttpClient http = HttpClient.newHttpClient();
  private String topic;
  private String subscription;
  private HealthRegistry health;
  private AdminServer admin;
  private EmulatorConsumer running;

  /** One answer of /readyz, the failure timestamps replaced by "T". */
  record Readyz(int status, String body) {}

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
  void topicAndAdminServer() throws IOException {
    seq++;
    topic = "rt" + seq + "-" + System.nanoTime();
    subscription = "rs" + seq + "-" + System.nanoTime();
    emulator.createTopic(PROJECT, topic);
    health = new HealthRegistry(Clock.systemUTC(), Duration.ofHours(1));
    admin = AdminServer.start("127.0.0.1:0", health, new RecordingMetricRelay(), Map::of);
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.stop();
    }
    admin.close();
  }

  /** Creates and starts the consumer as the core does (start, then marked started). */
  PubSubConsumer started(Map<String, Object> extra) {
    TestContext context =
        new TestContext(
                NAME,
                PubSubConsumerFactory.SPEC,
                EmulatorConsumer.settings(emulator, topic, subscription, extra))
            .withCodec(PubSubIT.CODEC)
            .withHealth(health.register(NAME));
    running = EmulatorConsumer.create(context, "readiness-consumer-" + seq);
    health.started(NAME);
    return running.consumer();
  }

  String full() {
    return "projects/" + PROJECT + "/subscriptions/" + subscription;
  }

  Readyz readyz() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + "/readyz"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Readyz(
        r.statusCode(), r.body().replaceAll("failing since \\S+: ", "failing since T: "));
  }

  /** The operator's next step on a plugin's /readyz line. */
  static final String NEXT =
      "fix what the reason names (the plugin retries by itself; its docs list the causes)";

  Readyz notReady(String reason) {
    return new Readyz(
        503, "not ready\n" + NAME + ": failing since T: " + reason + "; next: " + NEXT + "\n");
  }

  String publishAndAwaitDelivery() {
    String id = emulator.publish(PROJECT, topic, PubSubIT.event("r", "192.0.2.1"), Map.of(), null);
    await().atMost(PubSubIT.WAIT).until(() -> running.source().ids().contains(id));
    running.source().get(0).settle(new Outcome.Applied());
    return id;
  }

  @Test
  void notReadyFromStartUntilTheCreatedSubscriptionIsConsumedThenAnAtOncePublishedEventArrives()
      throws Exception {
    started(Map.of());
    assertThat(readyz())
        .isEqualTo(notReady("not consuming yet: waiting for subscription " + full()));
    running.thread().start();
    await().atMost(PubSubIT.WAIT).until(() -> readyz().status() == 200);
    assertThat(emulator.subscriptionExists(PROJECT, subscription)).isTrue();
    assertThat(readyz().body()).isEqualTo("ready\n" + NAME + ": ok\n");
    String id = publishAndAwaitDelivery();
    assertThat(running.source().ids()).containsOnly(id);
  }

  @Test
  void aMissingSubscriptionIsNamedByReadinessUntilItIsCreated() throws Exception {
    started(Map.of("create_subscription", false));
    running.thread().start();
    Readyz missing =
        notReady("subscription " + full() + " does not exist (create_subscription is false)");
    await().atMost(PubSubIT.WAIT).until(() -> readyz().equals(missing));
    emulator.createSubscription(PROJECT, subscription, topic, false, 10);
    await().atMost(PubSubIT.WAIT).until(() -> readyz().status() == 200);
    String id = publishAndAwaitDelivery();
    assertThat(running.source().ids()).containsOnly(id);
  }

  @Test
  void aDeletedSubscriptionTurnsReadinessTo503NamingItAndReadyAgainOnceItIsBack() throws Exception {
    emulator.createSubscription(PROJECT, subscription, topic, false, 10);
    started(Map.of("create_subscription", false));
    running.thread().start();
    await().atMost(PubSubIT.WAIT).until(() -> readyz().status() == 200);
    emulator.deleteSubscription(PROJECT, subscription);
    Readyz gone =
        notReady("subscription " + full() + " does not exist (create_subscription is false)");
    await().atMost(PubSubIT.WAIT).until(() -> readyz().equals(gone));
    emulator.createSubscription(PROJECT, subscription, topic, false, 10);
    await().atMost(PubSubIT.WAIT).until(() -> readyz().status() == 200);
    String id = publishAndAwaitDelivery();
    assertThat(running.source().ids()).containsOnly(id);
  }
}
