package io.gordon.gcp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.api.model.Action;
import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.DeadLetter;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.events.JsonEventCodec;
import io.gordon.gcp.TestCodec;
import io.gordon.gcp.TestContext;
import io.gordon.testing.gcp.AuditLogEntries;
import io.gordon.testing.gcp.PubSubEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Pub/Sub source against the real emulator. Each test has its own topic and subscription. Waits
 * are generous (CI shares two cores with other jobs) but bounded; messages that the emulator may
 * legitimately deliver more than once (at-least-once, e.g. when a lease lapses on a starved
 * machine) are compared by id, not by count, unless the delivery sequence is the point.
 */
class PubSubIT {
  static final String PROJECT = "gordon-test";

  /** The bound on every wait for something that must happen. */
  static final Duration WAIT = Duration.ofSeconds(60);

  /** The bound on waiting for the lease of a message held by a stopped consumer to run out. */
  static final Duration LEASE_RUN_OUT = Duration.ofSeconds(120);

  /** How long something that must not happen is watched for. */
  static final Duration QUIET = Duration.ofSeconds(2);

  static final JsonEventCodec CODEC = new JsonEventCodec(new CoreSettings.Events(60, 86400));
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
    topic = "t" + seq + "-" + System.nanoTime();
    subscription = "s" + seq + "-" + System.nanoTime();
    emulator.createTopic(PROJECT, topic);
  }

  @AfterEach
  void stopConsumers() {
    running.forEach(EmulatorConsumer::stop);
  }

  EmulatorConsumer consume(Map<String, Object> extra) {
    TestContext context =
        new TestContext(
                "gcp.event_consumer",
                PubSubConsumerFactory.SPEC,
                EmulatorConsumer.settings(emulator, topic, subscription, extra))
            .withCodec(CODEC);
    EmulatorConsumer r = EmulatorConsumer.create(context, "consumer-" + seq).run();
    running.add(r);
    if (!Boolean.FALSE.equals(extra.get("create_subscription"))) {
      // messages published before the subscription exists are not delivered to it
      await().atMost(WAIT).until(() -> emulator.subscriptionExists(PROJECT, subscription));
    }
    return r;
  }

  String publish(String data) {
    return emulator.publish(PROJECT, topic, data, Map.of(), null);
  }

  static String event(String host, String ip) {
    return "{\"action\":\"additions\",\"timestamp\":\"2019-02-01T00:00:00\",\"resourceRecords\":"
        + "{\"name\":\""
        + host
        + ".example.com.\",\"type\":\"A\",\"rrdatas\":[\""
        + ip
        + "\"],"
        + "\"ttl\":300}}";
  }

  @Test
  void messagesCarryThePubSubIdAndPublishTimeAndAreAckedOnlyOnceSettledOrDeadLettered() {
    Instant before = Instant.now().minusSeconds(1);
    EmulatorConsumer r = consume(Map.of());
    String a = publish(event("a", "192.0.2.1"));
    String b = publish(event("b", "192.0.2.2"));
    publish("not an event"); // dead-lettered, hence acked
    await()
        .atMost(WAIT)
        .until(() -> Set.copyOf(r.source().ids()).size() == 2 && !r.source().rejected.isEmpty());
    assertThat(Set.copyOf(r.source().ids())).containsExactlyInAnyOrder(a, b);
    RecordingSource.Submitted first =
        r.source().submitted.stream()
            .filter(s -> s.message().id().equals(a))
            .findFirst()
            .orElseThrow();
    assertThat(first.message().createdAt()).isBetween(before, Instant.now().plusSeconds(1));
    assertThat(first.message().phase()).isEqualTo("consume");
    assertThat(first.message().attributes()).containsKey("publish_time");
    first.settle(new Outcome.Applied());
    r.stop(); // b is still unsettled: the stopping subscriber nacks it
    EmulatorConsumer again = consume(Map.of());
    // the emulator hands b to the next stream once its lease has run out (the shutdown nack
    // does not reach it): ~10 s when idle, up to 50 s seen on a loaded 2-core machine
    await().atMost(LEASE_RUN_OUT).until(() -> again.source().count() >= 1);
    // a (acked) and the dead-lettered input (acked) must not come back with it
    await()
        .during(QUIET)
        .atMost(WAIT)
        .until(
            () ->
                again.source().rejected.isEmpty()
                    && Set.copyOf(again.source().ids()).equals(Set.of(b)));
    assertThat(again.source().ids()).containsOnly(b);
  }

  @Test
  void redeliverIsANackAndTheMessageComesBack() {
    EmulatorConsumer r = consume(Map.of());
    String id = publish(event("n", "192.0.2.1"));
    await().atMost(WAIT).until(() -> r.source().count() >= 1);
    int before = r.source().count();
    r.source().get(0).settle(new Outcome.Redeliver("retries exhausted"));
    await().atMost(WAIT).until(() -> r.source().count() > before);
    assertThat(r.source().ids()).containsOnly(id);
    assertThat(r.source().submitted)
        .extracting(RecordingSource.Submitted::resubmitted)
        .as("accepted once, handed back without the age rule")
        .containsExactly(false, true);
  }

  @Test
  void aMessageWhoseHandOverThrewIsNackedNotAcked() {
    EmulatorConsumer r = consume(Map.of());
    r.source().failNextSubmits.set(1);
    String id = publish(event("boom", "192.0.2.1"));
    await().atMost(WAIT).until(() -> r.source().count() >= 1);
    assertThat(r.source().ids()).containsOnly(id);
    assertThat(r.source().failNextSubmits.get()).as("the first hand-over threw").isNegative();
  }

  @Test
  void undecodableInputIsRejectedWithItsPayloadAndReason() {
    EmulatorConsumer r = consume(Map.of());
    String bad = publish("this is not json");
    await().atMost(WAIT).until(() -> !r.source().rejected.isEmpty());
    assertThat(r.source().rejected.get(0).id()).isEqualTo(bad);
    assertThat(r.source().rejected.get(0).payload()).isEqualTo("this is not json");
    assertThat(r.source().rejected.get(0).reason())
        .isEqualTo(
            "event: not valid JSON at line 1, column 1: "
                + "Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token "
                + "'null', 'true' or 'false')");
  }

  @Test
  void dataThatIsNotUtf8IsRejectedNamingTheByteNotItsReplacement() {
    EmulatorConsumer r = consume(Map.of());
    byte[] latin1 =
        "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\"caf\u00e9.example.com.\"}}"
            .getBytes(StandardCharsets.ISO_8859_1);
    String bad = emulator.publishBytes(PROJECT, topic, latin1, Map.of(), null);
    await().atMost(WAIT).until(() -> !r.source().rejected.isEmpty());
    assertThat(r.source().rejected.get(0).id()).isEqualTo(bad);
    assertThat(r.source().rejected.get(0).reason())
        .isEqualTo(
            "message data is not valid UTF-8: byte 0xE9 at offset 52 (expected a JSON event in"
                + " UTF-8, RFC 8259; the data's bytes are in attribute data_base64)");
  }

  @Test
  void onlyTheAuditLogEntryThatCompletesAnOperationBecomesAnEvent() {
    EmulatorConsumer r = consume(Map.of());
    String res = "projects/123456789101/zones/us-central1-c/instances/an-instance-name-b45c";
    publish(AuditLogEntries.first("v1.compute.instances.insert", res, "op-1"));
    String last = publish(AuditLogEntries.last("v1.compute.instances.insert", res, "op-1"));
    String none = publish(AuditLogEntries.noOperation("v1.compute.instances.delete", res));
    // the three are handled concurrently: the skipped entry may be counted after the others
    // were submitted, so wait for all three outcomes, then check nothing else happens
    await().atMost(WAIT).until(() -> r.source().count() >= 2 && r.context().counters.size() >= 3);
    await()
        .during(QUIET)
        .atMost(WAIT)
        .until(() -> r.source().count() == 2 && r.context().counters.size() == 3);
    assertThat(r.source().ids()).containsExactlyInAnyOrder(last, none);
    assertThat(r.source().submitted)
        .extracting(s -> s.message().event().action())
        .containsExactlyInAnyOrder(Action.ADDITIONS, Action.DELETIONS);
    assertThat(List.copyOf(r.context().counters))
        .containsExactlyInAnyOrder(
            "audit-log-entry-skipped{plugin=event-consumer}",
            "message-validated{plugin=event-consumer, schema=audit-log}",
            "message-validated{plugin=event-consumer, schema=audit-log}");
  }

  /**
   * An audit-log entry of an operation Compute refused (the original gordon-gcp's functional
   * fixture is one: an insert that exceeded a quota) describes no change to any instance. Made into
   * an event, a refused insert was dead-lettered after the enricher found no instance, and a
   * refused delete (say, permission denied) removed the A record of an instance that still runs.
   */
  @Test
  void anEntryOfAnOperationComputeRefusedIsAckedWithoutAnEvent() {
    EmulatorConsumer r = consume(Map.of());
    String res = "projects/868460354448/zones/europe-west1-c/instances/refused-b45c";
    publish(
        AuditLogEntries.failed(
            "v1.compute.instances.insert", res, 7, "Quota 'IN_USE_ADDRESSES' exceeded."));
    publish(
        AuditLogEntries.failed(
            "v1.compute.instances.delete", res, 7, "Required 'compute.instances.delete' denied"));
    String done = publish(AuditLogEntries.last("v1.compute.instances.delete", res, "op-2"));
    await().atMost(WAIT).until(() -> r.source().count() >= 1 && r.context().counters.size() >= 3);
    await()
        .during(QUIET)
        .atMost(WAIT)
        .until(() -> r.source().count() == 1 && r.context().counters.size() == 3);
    assertThat(r.source().ids()).containsExactly(done);
    assertThat(List.copyOf(r.context().counters))
        .containsExactlyInAnyOrder(
            "audit-log-entry-skipped{plugin=event-consumer}",
            "audit-log-entry-skipped{plugin=event-consumer}",
            "message-validated{plugin=event-consumer, schema=audit-log}");
  }

  @Test
  void flowControlKeepsAtMostMaxMessagesOutstanding() {
    EmulatorConsumer r = consume(Map.of("max_messages", 3L));
    for (int i = 0; i < 8; i++) {
      publish(event("fc" + i, "192.0.2." + (i + 1)));
    }
    await().atMost(WAIT).until(() -> r.source().count() >= 3);
    await().during(QUIET).atMost(WAIT).until(() -> r.source().count() == 3);
    for (int i = 0; i < 3; i++) {
      r.source().get(i).settle(new Outcome.Applied());
    }
    await().atMost(WAIT).until(() -> r.source().count() >= 6);
    await().during(QUIET).atMost(WAIT).until(() -> r.source().count() == 6);
  }

  @Test
  void orderingKeysAreDeliveredInPublishOrder() {
    EmulatorConsumer r = consume(Map.of("enable_message_ordering", true));
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      published.add(
          emulator.publish(
              PROJECT, topic, event("ord", "192.0.2." + (i + 1)), Map.of(), "ord.example.com."));
    }
    await().atMost(WAIT).until(() -> Set.copyOf(r.source().ids()).size() == 15);
    // strict order of first deliveries; a redelivery (a lapsed lease on a starved machine)
    // starts again at the lapsed message, so it cannot reorder first deliveries
    assertThat(r.source().ids().stream().distinct().toList()).containsExactlyElementsOf(published);
    assertThat(r.source().get(0).message().attributes())
        .containsEntry("ordering_key", "ord.example.com.");
  }

  @Test
  void aFailingSubscribeIsRetriedAndReportedUntilItWorks() {
    EmulatorConsumer r = consume(Map.of("create_subscription", false));
    await()
        .atMost(WAIT)
        .until(
            () ->
                List.copyOf(r.context().health).stream()
                    .anyMatch(
                        h ->
                            h.equals(
                                "subscription projects/"
                                    + PROJECT
                                    + "/subscriptions/"
                                    + subscription
                                    + " does not exist (create_subscription is false)")));
    assertThat(r.thread().isAlive()).isTrue();
    emulator.createSubscription(PROJECT, subscription, topic, false, 10);
    String id = publish(event("late", "192.0.2.1"));
    await().atMost(WAIT).until(() -> r.source().count() >= 1);
    assertThat(r.source().ids()).containsOnly(id);
    // "healthy" is reported once the subscriber runs and the subscription is confirmed, which
    // may be after the first delivery
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(List.copyOf(r.context().health)).last().isEqualTo("healthy"));
  }

  @Test
  void deadLettersArePublishedWithTheirReasonAsAttributesBeforeParkReturns() {
    String dlTopic = "dead-" + topic;
    emulator.createTopic(PROJECT, dlTopic);
    emulator.createSubscription(PROJECT, "dead-" + subscription, dlTopic, false, 10);
    TestContext ctx =
        new TestContext(
                "gcp.dead_letter",
                PubSubDeadLetterFactory.SPEC,
                Map.of("project", PROJECT, "topic", dlTopic, "endpoint", emulator.hostPort()))
            .withCodec(CODEC);
    PubSubDeadLetterSink sink = (PubSubDeadLetterSink) new PubSubDeadLetterFactory().create(ctx);
    sink.start();
    try {
      sink.park(
          new DeadLetter(
              "42",
              Instant.parse("2026-01-01T00:00:00Z"),
              "no such zone",
              "publish",
              "gcp.publisher",
              Optional.empty(),
              Optional.of("{\"raw\":1}"),
              List.of(
                  new HistoryEntry(
                      Instant.parse("2026-01-01T00:00:00Z"),
                      "consume",
                      "Created a \"event\" message.")),
              Map.of("ordering_key", "k")));
      List<PubSubEmulator.Pulled> got = emulator.pull(PROJECT, "dead-" + subscription, 10);
      assertThat(got).hasSize(1);
      assertThat(got.get(0).attributes())
          .containsEntry("reason", "no such zone")
          .containsEntry("phase", "publish")
          .containsEntry("plugin", "gcp.publisher")
          .containsEntry("message_id", "42");
      assertThat(TestCodec.json(got.get(0).data()))
          .isEqualTo(
              TestCodec.json(
                  "{\"messageId\":"
                      + "\"42\",\"parkedAt\":\"2026-01-01T00:00:00Z\",\"reason\":\"no such zone\",\"phase\":"
                      + "\"publish\",\"plugin\":\"gcp.publisher\",\"payload\":\"{\\\"raw\\\":1}\","
                      + "\"history\":[{\"timestamp\":\"2026-01-01T00:00:00Z\",\"plugin\":\"consume\","
                      + "\"message\":\"Created a \\\"event\\\" message.\"}],\"attributes\":{"
                      + "\"ordering_key\":\"k\"}}"));
    } finally {
      sink.shutdown();
    }
  }
}
