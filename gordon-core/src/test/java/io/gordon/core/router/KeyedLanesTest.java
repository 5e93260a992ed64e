package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Order per key, one task at a time per key, and every lane retired, under concurrent submits; a
 * few workers for work that never blocks, more while workers block.
 */
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

  @Test
  void workThatNeverBlocksIsDrainedByNoMoreWorkersThanRunners() throws Exception {
    int threads = 4;
    int keys = 2_000;
    CountDownLatch done = new CountDownLatch(threads * keys);
    KeyedLanes<Task> lanes =
        new KeyedLanes<>(
            t -> {
              Thread.onSpinWait();
              done.countDown();
              return true;
            },
            4096);
    List<Thread> submitters = new ArrayList<>();
    for (int th = 0; th < threads; th++) {
      int me = th;
      submitters.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int k = 0; k < keys; k++) {
                      lanes.submit("k" + me + "-" + k, new Task("k" + me + "-" + k, 0));
                    }
                  }));
    }
    for (Thread t : submitters) {
      t.join();
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).as("every task ran").isTrue();
    assertThat(lanes.workers()).isLessThanOrEqualTo(KeyedLanes.RUNNERS);
  }

  @Test
  void tasksThatBlockGetAWorkerEachUpToTheMaximum() throws Exception {
    int keys = KeyedLanes.RUNNERS * 4;
    CountDownLatch submitted = new CountDownLatch(1);
    CountDownLatch allStarted = new CountDownLatch(keys);
    AtomicInteger released = new AtomicInteger();
    AtomicReference<KeyedLanes<Task>> self = new AtomicReference<>();
    KeyedLanes<Task> lanes =
        new KeyedLanes<>(
            t -> {
              try {
                // unmarked work first: the running workers take the first lanes and the rest
                // wait in line until these block
                submitted.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              self.get().blockingBegins();
              try {
                allStarted.countDown();
                // each waits for all the others: only one worker per blocked task lets them finish
                if (allStarted.await(10, TimeUnit.SECONDS)) {
                  released.incrementAndGet();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                self.get().blockingEnds();
              }
              return true;
            },
            keys);
    self.set(lanes);
    for (int k = 0; k < keys; k++) {
      lanes.submit("k" + k, new Task("k" + k, 0));
    }
    submitted.countDown();
    assertThat(allStarted.await(20, TimeUnit.SECONDS)).as("every task started").isTrue();
    assertThat(lanes.workers()).isEqualTo(keys);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (released.get() < keys && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(released).hasValue(keys);
  }
}
