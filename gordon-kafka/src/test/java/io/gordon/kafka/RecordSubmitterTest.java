package io.gordon.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gordon.api.plugin.Outcome;
import io.gordon.api.source.RedeliveryQueue;
import io.gordon.kafka.Recorder.Item;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How handed-back records wait, on a nano clock the test moves; no broker needed. */
class RecordSubmitterTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final KafkaSettings settings =
      new KafkaSettings(
          new Properties(),
          List.of("t"),
          100,
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          Duration.ofSeconds(10));
  private final RedeliveryQueue<Pending> redeliveries = settings.redeliveries(nanos::get);
  private final BlockingDeque<Pending> handoff = new LinkedBlockingDeque<>();
  private final Recorder recorder = new Recorder();
  private final PartitionState partition = new PartitionState(new TopicPartition("t", 0), 0);
  private final RecordSubmitter submitter =
      new RecordSubmitter(
          recorder,
          Kafka.CODEC,
          Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC),
          handoff,
          redeliveries);
  private final Thread thread = Thread.ofPlatform().daemon(true).start(submitter);

  @AfterEach
  void stop() throws InterruptedException {
    submitter.stop();
    thread.join(5000);
  }

  @Test
  void aHandedBackRecordWaitsAtMostOneMinuteHoweverOftenItFailed() {
    assertThat(redeliveries.delay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(redeliveries.delay(30)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void theFirstRecordAppliedAfterAnOutageMakesTheHandedBackOnesDueAtOnce() throws Exception {
    Item failed = submit(0, "a.example.com.");
    failed.settle(new Outcome.Redeliver("retries exhausted"));
    Item again = resubmitDue(Duration.ofSeconds(1));
    again.settle(new Outcome.Redeliver("retries exhausted"));
    assertThat(redeliveries.takeDue()).as("now it waits 2 s").isEmpty();

    submit(1, "b.example.com.").settle(new Outcome.Applied());

    assertThat(redeliveries.takeDue())
        .as("the provider answers again: no need to wait out the 2 s")
        .extracting(p -> p.record().offset(), Pending::attempt)
        .containsExactly(tuple(0L, 3));
  }

  @Test
  void aHandedBackRecordIsResubmittedSoThatItsAgeCannotDeadLetterIt() throws Exception {
    // Before, it went through submit() again: after an outage longer than max_msg_age, the
    // record that waited for the provider was dead-lettered for its age.
    submit(0, "a.example.com.").settle(new Outcome.Redeliver("retries exhausted"));
    assertThat(recorder.resubmitted).isEmpty();

    Item again = resubmitDue(Duration.ofSeconds(1));

    assertThat(again.id()).isEqualTo("t-0@0");
    assertThat(recorder.resubmitted).containsExactly("t-0@0");
  }

  @Test
  void aRecordSkippedOrDeadLetteredDoesNotHurryTheHandedBackOnes() throws Exception {
    submit(0, "a.example.com.").settle(new Outcome.Redeliver("retries exhausted"));
    submit(1, "b.example.com.").settle(new Outcome.Skipped("already there"));
    submit(2, "c.example.com.").settle(new Outcome.DeadLettered("bad zone"));

    assertThat(redeliveries.takeDue()).isEmpty();
  }

  @Test
  void anotherAppliedRecordWithinTheMinuteLeavesTheStillFailingOnesToTheirDelay() throws Exception {
    submit(0, "a.example.com.").settle(new Outcome.Redeliver("retries exhausted"));
    submit(1, "b.example.com.").settle(new Outcome.Applied());
    resubmitDue(Duration.ZERO).settle(new Outcome.Redeliver("other zone still down"));

    submit(2, "c.example.com.").settle(new Outcome.Applied());

    assertThat(redeliveries.takeDue()).as("expedited less than a minute ago").isEmpty();
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(redeliveries.takeDue()).hasSize(1);
  }

  private Item submit(long offset, String name) throws InterruptedException {
    byte[] value = Kafka.event(name, "10.0.0.1").getBytes(StandardCharsets.UTF_8);
    handoff.addLast(
        new Pending(partition, new ConsumerRecord<>("t", 0, offset, new byte[0], value), 1));
    return recorder.next();
  }

  /** Moves the clock by {@code wait} and hands the due records over, as the poll thread does. */
  private Item resubmitDue(Duration wait) throws InterruptedException {
    nanos.addAndGet(wait.toNanos());
    List<Pending> due = redeliveries.takeDue();
    assertThat(due).hasSize(1);
    handoff.addLast(due.get(0));
    return recorder.next();
  }
}
