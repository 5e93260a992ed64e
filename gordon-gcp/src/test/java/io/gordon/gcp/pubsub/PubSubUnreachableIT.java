package io.gordon.gcp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.core.admin.AdminServer;
import io.gordon.core.runtime.HealthRegistry;
import io.gordon.gcp.TestContext;
import io.gordon.testing.fakes.RecordingMetricRelay;
import io.gordon.testing.gcp.PubSubEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consumer whose Pub/Sub goes away turns {@code /readyz} to 503 naming its subscription. Its own
 * emulator (started once for the class), since the test kills it.
 */
class PubSubUnreachableIT {
  private static PubSubEmulator emulator;
  private static AdminServer admin;
  private static final HealthRegistry HEALTH =
      new HealthRegistry(Clock.systemUTC(), Duration.ofHours(1));

  @BeforeAll
  static void start() throws Exception {
    emulator = PubSubEmulator.start();
    admin = AdminServer.start("127.0.0.1:0", HEALTH, new RecordingMetricRelay(), Map::of);
  }

  @AfterAll
  static void stop() {
    emulator.close();
    admin.close();
  }

  Readyz readyz() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + "/readyz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new Readyz(
        r.statusCode(), r.body().replaceAll("failing since \\S+: ", "failing since T: "));
  }

  record Readyz(int status, String body) {}

  @Test
  void readinessTurns503NamingTheSubscriptionWhenPubSubGoesAway() throws Exception {
    emulator.createTopic(PubSubIT.PROJECT, "gone");
    TestContext context =
        new TestContext(
                "gcp.event_consumer",
                PubSubConsumerFactory.SPEC,
                Map.of(
                    "project",
                    PubSubIT.PROJECT,
                    "topic",
                    "gone",
                    "subscription",
                    "gone-sub",
                    "endpoint",
                    emulator.hostPort(),
                    "resubscribe_delay",
                    0.1,
                    "resubscribe_max_delay",
                    0.5,
                    "shutdown_grace",
                    0.5))
            .withCodec(PubSubIT.CODEC)
            .withHealth(HEALTH.register("gcp.event_consumer"));
    PubSubConsumer c = (PubSubConsumer) new PubSubConsumerFactory().create(context);
    c.start();
    HEALTH.started("gcp.event_consumer");
    Thread t =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    c.run(new RecordingSource());
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    try {
      await().atMost(PubSubIT.WAIT).until(() -> readyz().status() == 200);
      emulator.close();
      await().atMost(PubSubIT.WAIT).until(() -> readyz().status() == 503);
      assertThat(readyz())
          .isEqualTo(
              new Readyz(
                  503,
                  "not ready\ngcp.event_consumer: failing "
                      + "since T: cannot reach Pub/Sub to check subscription projects/gordon-test/"
                      + "subscriptions/gone-sub: UNAVAILABLE; next: "
                      + PubSubReadinessIT.NEXT
                      + "\n"));
    } finally {
      c.stop();
      c.shutdown();
      t.join(PubSubIT.WAIT.toMillis());
    }
  }
}
