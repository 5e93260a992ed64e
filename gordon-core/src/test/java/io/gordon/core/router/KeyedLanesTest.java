package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Order per key, one task at a time per key, and every lane retired, under concurrent submits. */
class KeyedLanesTest {
  private record Task(String key, int seq) {}

  @Test
  void eachKeysTasksRunOneAtATimeInTheOrderTheyWereSubmittedAndEveryLaneRetires() throws Exception {
    int threads = 8;
    int keysPerThread = 25;
    int perKey = 400;
    int total = threads * keysPerThread * perKey;
    Map<String, List<Integer>> ran = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    KeyedLanes<Task> lanes =
        new KeyedLanes<>(
            t -> {
              AtomicInteger r = running.computeIfAbsent(t.key(), k -> new AtomicInteger());
              if (r.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
              }
              ran.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t.seq());
              r.decrementAndGet();
              done.countDown();
              return true;
            },
            4);
    List<Thread> submitters = new ArrayList<>();
    for (int th = 0; th < threads; th++) {
      int me = th;
      submitters.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < perKey; i++) {
                      for (int k = 0; k < keysPerThread; k++) {
                        lanes.submit("k" + me + "-" + k, new Task("k" + me + "-" + k, i));
                      }
                    }
                  }));
    }
    for (Thread t : submitters) {
      t.join();
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).as("every task ran").isTrue();
    assertThat(overlaps.get()).as("two tasks of one key at once").isZero();
    List<Integer> inOrder = new ArrayList<>();
    for (int i = 0; i < perKey; i++) {
      inOrder.add(i);
    }
    assertThat(ran).hasSize(threads * keysPerThread);
    ran.forEach((k, seqs) -> assertThat(seqs).as(k).isEqualTo(inOrder));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lanes.activeKeys() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(lanes.activeKeys()).as("lanes left after all work").isZero();
  }
}
