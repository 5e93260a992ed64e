package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Outcome;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import io.gordon.testing.fakes.RecordingDelivery;
import io.gordon.testing.fakes.RecordingHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RouterOrderingTest {
  private static final Map<String, String> ROUTE =
      Map.of("consume", "enrich", "enrich", "publish", "publish", "cleanup");

  @Test
  void messagesForOneNameAreHandledOneAtATimeInSendOrder() throws Exception {
    int names = 200;
    int perName = 40;
    Map<String, List<String>> order = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    RecordingHandler enrich =
        new RecordingHandler("enrich")
            .behave(
                m -> {
                  AtomicInteger a =
                      active.computeIfAbsent(m.orderingKey(), k -> new AtomicInteger());
                  if (a.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                  }
                  if (m.id().hashCode() % 7 == 0) {
                    Thread.yield();
                  }
                  order
                      .computeIfAbsent(m.orderingKey(), k -> new CopyOnWriteArrayList<>())
                      .add(m.id());
                  a.decrementAndGet();
                  return m;
                });
    InMemoryDnsProvider dns = new InMemoryDnsProvider("mem", "example.com");
    Router router =
        RouterBuilder.create()
            .route(ROUTE)
            .handler("t.enrich", enrich)
            .provider("mem", dns)
            .deadLetters(new RecordingDeadLetterSink())
            .maxInFlight(64)
            .build();
    RecordingDelivery delivery = new RecordingDelivery();
    Map<String, List<String>> sent = new ConcurrentHashMap<>();
    for (int i = 0; i < perName; i++) {
      for (int n = 0; n < names; n++) {
        String name = "host" + n + ".example.com.";
        String id = n + "-" + i;
        sent.computeIfAbsent(name, k -> new ArrayList<>()).add(id);
        router.submit(
            Events.add(
                id, name, "10.0." + (i / 250) + "." + (i % 250 + 1), Events.T0.plusSeconds(i)),
            delivery,
            Duration.ZERO);
      }
    }
    delivery.awaitCount(names * perName, Duration.ofSeconds(60));

    assertThat(overlaps).hasValue(0);
    assertThat(order).isEqualTo(sent);
    assertThat(delivery.settlements()).allMatch(s -> s.outcome() instanceof Outcome.Applied);
    assertThat(dns.snapshot().get("host7.example.com./A").rdata())
        .containsExactly("10.0.0." + perName);
  }

  @Test
  void differentNamesAreHandledInParallel() throws Exception {
    // more names than the lanes keep running workers: the blocked handlers must get more
    int names = KeyedLanes.RUNNERS + 2;
    CyclicBarrier together = new CyclicBarrier(names);
    RecordingHandler enrich =
        new RecordingHandler("enrich")
            .behave(
                m -> {
                  try {
                    together.await(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new IllegalStateException("names were not handled in parallel: " + e);
                  }
                  return m;
                });
    Router router =
        RouterBuilder.create()
            .route(ROUTE)
            .handler("t.enrich", enrich)
            .provider("mem", new InMemoryDnsProvider("mem", "example.com"))
            .deadLetters(new RecordingDeadLetterSink())
            .build();
    RecordingDelivery delivery = new RecordingDelivery();
    for (int n = 0; n < names; n++) {
      router.submit(
          Events.add("m" + n, "p" + n + ".example.com", "10.0.0.1"), delivery, Duration.ZERO);
    }
    delivery.awaitCount(names, Duration.ofSeconds(20));
    assertThat(delivery.settlements()).allMatch(s -> s.outcome() instanceof Outcome.Applied);
  }

  @Test
  void submitBlocksWhileMaxInFlightMessagesAreInFlight() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RecordingHandler enrich =
        new RecordingHandler("enrich")
            .behave(
                m -> {
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return m;
                });
    Router router =
        RouterBuilder.create()
            .route(ROUTE)
            .handler("t.enrich", enrich)
            .provider("mem", new InMemoryDnsProvider("mem", "example.com"))
            .deadLetters(new RecordingDeadLetterSink())
            .maxInFlight(2)
            .build();
    RecordingDelivery delivery = new RecordingDelivery();
    AtomicInteger submitted = new AtomicInteger();
    Thread source =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    for (int n = 0; n < 3; n++) {
                      EventMessage m = Events.add("m" + n, "b" + n + ".example.com", "10.0.0.1");
                      router.submit(m, delivery, Duration.ZERO);
                      submitted.incrementAndGet();
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> submitted.get() == 2 && source.getState() == Thread.State.WAITING);
    assertThat(router.inFlight()).isEqualTo(2);
    release.countDown();
    delivery.awaitCount(3, Duration.ofSeconds(10));
    source.join(5000);
    assertThat(submitted).hasValue(3);
  }
}
