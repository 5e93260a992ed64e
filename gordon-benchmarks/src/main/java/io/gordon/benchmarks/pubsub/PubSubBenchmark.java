package io.gordon.benchmarks.pubsub;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.SourceContext;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.events.JsonEventCodec;
import io.gordon.core.router.Router;
import io.gordon.core.router.RouterBuilder;
import io.gordon.gcp.pubsub.PubSubConsumerFactory;
import io.gordon.testing.fakes.FakePluginContext;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import io.gordon.testing.gcp.PubSubEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * gcp.event_consumer against the Pub/Sub emulator, same run, same messages: (anchor) the consumer
 * with a source context that acknowledges every message at once, i.e. the client library pulling
 * and acking with no processing; (gordon) the consumer feeding the router and {@code
 * local.zonefile} (a zone file in a temporary directory: {@code -Djava.io.tmpdir=/dev/shm} takes
 * the disk's fsync out). Both with {@code max_messages} (default 25, the original's default). Both
 * paths first run a warm-up of {@code messages / 4} (JIT, emulator), and the rate counts from the
 * first message delivered to the last one settled, so subscribing (about a second) is not charged
 * to either.
 *
 * <pre>
 * java -cp "$CP" io.gordon.benchmarks.pubsub.PubSubBenchmark [messages] [max_messages] [pulls]
 * </pre>
 *
 * <p>{@code pulls} is {@code parallel_pulls} for both paths (default 1): the emulator sends at most
 * 100 messages per streaming pull every 50 ms ({@code FakePubsubServer$StreamingPullPusher}), so
 * one stream caps both paths near 2,000 messages/s.
 */
public final class PubSubBenchmark {
  private static final String PROJECT = "bench";
  private static final JsonEventCodec CODEC =
      new JsonEventCodec(new CoreSettings.Events(60, 86400));

  private PubSubBenchmark() {}

  /** Events/s of the anchor and of gordon, in one emulator run. */
  public static double[] measure(int n, long maxMessages) throws Exception {
    return measure(n, maxMessages, 1);
  }

  /** Events/s of the anchor and of gordon, both with {@code pulls} streaming pulls. */
  public static double[] measure(int n, long maxMessages, int pulls) throws Exception {
    Path dir = Files.createTempDirectory("gordon-pubsub-bench-");
    try (PubSubEmulator emu = PubSubEmulator.start()) {
      int warm = Math.max(100, n / 4);
      run(emu, "warm-anchor", warm, maxMessages, pulls, null);
      run(emu, "warm-gordon", warm, maxMessages, pulls, dir.resolve("warm"));
      return new double[] {
        run(emu, "anchor", n, maxMessages, pulls, null),
        run(emu, "gordon", n, maxMessages, pulls, dir.resolve("measured"))
      };
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    long maxMessages = args.length > 1 ? Long.parseLong(args[1]) : 25;
    int pulls = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    {
      double[] m = measure(n, maxMessages, pulls);
      double anchor = m[0];
      double gordon = m[1];
      System.out.printf(
          Locale.ROOT,
          "%-62s %10s%n",
          "client (max_messages " + maxMessages + ", " + n + " messages)",
          "events/s");
      System.out.printf(
          Locale.ROOT,
          "%-62s %,10.0f%n",
          "(anchor) consumer acking at once, no processing",
          anchor);
      System.out.printf(
          Locale.ROOT, "%-62s %,10.0f%n", "(gordon) consumer -> router -> local.zonefile", gordon);
      System.out.printf(Locale.ROOT, "ratio %.2f%n", gordon / anchor);
    }
  }

  /** One pass; with {@code zones} null the anchor (ack at once), else into a zone file there. */
  private static double run(
      PubSubEmulator emu, String name, int n, long maxMessages, int pulls, Path zones)
      throws Exception {
    boolean router = zones != null;
    String topic = name + "-" + System.nanoTime();
    String sub = topic + "-sub";
    emu.createTopic(PROJECT, topic);
    emu.createSubscription(PROJECT, sub, topic, false, 60);
    for (int i = 0; i < n; i++) {
      emu.publish(PROJECT, topic, event(name + i, i), Map.of(), null);
    }
    Map<String, Object> cfg =
        new HashMap<>(
            Map.of(
                "project",
                PROJECT,
                "topic",
                topic,
                "subscription",
                sub,
                "endpoint",
                emu.hostPort(),
                "max_messages",
                maxMessages,
                "create_subscription",
                false,
                "parallel_pulls",
                pulls));
    PubSubConsumerFactory factory = new PubSubConsumerFactory();
    EventSource consumer =
        (EventSource)
            factory.create(
                FakePluginContext.of(
                    "gcp.event_consumer",
                    factory.configSpec(),
                    cfg,
                    Clock.systemUTC(),
                    Path.of("."),
                    CODEC));
    CountDownLatch done = new CountDownLatch(n);
    DnsProvider zoneFile = router ? zoneFile(zones) : null;
    TimedProvider timed = router ? new TimedProvider(zoneFile) : null;
    Router r =
        router
            ? RouterBuilder.create()
                .provider("local.zonefile", timed)
                .deadLetters(new RecordingDeadLetterSink())
                .build()
            : null;
    SourceContext inner = router ? r.contextFor("gcp.event_consumer", Duration.ZERO) : null;
    AtomicLong first = new AtomicLong();
    Queue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong last = new AtomicLong();
    SourceContext ctx =
        new SourceContext() {
          @Override
          public void submit(EventMessage m, Delivery d) throws InterruptedException {
            first.compareAndSet(0, System.nanoTime());
            long submitted = System.nanoTime();
            Delivery counted =
                (id, o, h) -> {
                  latencies.add(System.nanoTime() - submitted);
                  if (!(o instanceof Outcome.Applied)) {
                    throw new IllegalStateException("benchmark message not applied: " + o);
                  }
                  d.settle(id, o, h);
                  last.set(System.nanoTime());
                  done.countDown();
                };
            if (inner != null) {
              inner.submit(m, counted);
            } else {
              counted.settle(m.id(), new Outcome.Applied(), m.history());
            }
          }

          @Override
          public void reject(
              String id, String payload, String reason, Map<String, String> a, Delivery d) {
            throw new IllegalStateException("benchmark message rejected: " + reason);
          }

          @Override
          public boolean stopping() {
            return false;
          }
        };
    consumer.start();
    Thread t =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    consumer.run(ctx);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    if (!done.await(300, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + ": " + done.getCount() + " messages not settled");
    }
    double rate = n / ((last.get() - first.get()) / 1e9);
    long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.err.printf(
        Locale.ROOT,
        "%s: %.0f events/s; submit -> settled p50 %.1f ms, p99 %.1f" + " ms; %s%n",
        name,
        rate,
        percentile(l, 0.5),
        percentile(l, 0.99),
        router ? timed.summary() : "acked at once");
    consumer.stop();
    consumer.shutdown();
    t.join(10_000);
    if (r != null) {
      r.drain(Duration.ofSeconds(5));
      zoneFile.shutdown();
    }
    return rate;
  }

  /** {@code local.zonefile} for {@code bench.example.}, its file in {@code dir}. */
  private static DnsProvider zoneFile(Path dir) throws java.io.IOException {
    Files.createDirectories(dir);
    PluginFactory f =
        ServiceLoader.load(PluginFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("local.zonefile"))
            .findFirst()
            .orElseThrow();
    DnsProvider p =
        (DnsProvider)
            f.create(
                FakePluginContext.of(
                    "local.zonefile",
                    f.configSpec(),
                    Map.of("zones", List.of("bench.example."), "directory", dir.toString()),
                    Clock.systemUTC(),
                    dir,
                    CODEC));
    p.start();
    return p;
  }

  /** The {@code p} quantile of sorted nanos, in ms. */
  static double percentile(long[] sorted, double p) {
    return sorted.length == 0
        ? Double.NaN
        : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
  }

  private static String event(String host, int i) {
    return "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\""
        + host
        + ".bench.example.\",\"type\":\"A\",\"rrdatas\":[\"10.0."
        + (i / 250 % 250)
        + "."
        + (i % 250 + 1)
        + "\"],\"ttl\":300}}";
  }
}
