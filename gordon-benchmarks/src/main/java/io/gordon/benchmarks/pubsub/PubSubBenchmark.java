package io.gordon.benchmarks.pubsub;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.SourceContext;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.events.JsonEventCodec;
import io.gordon.core.router.Router;
import io.gordon.core.router.RouterBuilder;
import io.gordon.gcp.pubsub.PubSubConsumerFactory;
import io.gordon.testing.fakes.FakePluginContext;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import io.gordon.testing.gcp.PubSubEmulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * gcp.event_consumer against the Pub/Sub emulator, same run, same messages: (anchor) the
 * consumer with a source context that acknowledges every message at once, i.e. the client
 * library pulling and acking with no processing; (gordon) the consumer feeding the router and an
 * in-memory provider. Both with {@code max_messages} (default 25, the original's default).
 *
 * <pre>
 * java -cp "$CP" io.gordon.benchmarks.pubsub.PubSubBenchmark [messages] [max_messages]
 * </pre>
 */
public final class PubSubBenchmark {
  private static final String PROJECT = "bench";

  private PubSubBenchmark() {}

  /** Events/s of the anchor and of gordon, in one emulator run. */
  public static double[] measure(int n, long maxMessages) throws Exception {
    try (PubSubEmulator emu = PubSubEmulator.start()) {
      return new double[] {run(emu, "anchor", n, maxMessages, false),
          run(emu, "gordon", n, maxMessages, true)};
    }
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    long maxMessages = args.length > 1 ? Long.parseLong(args[1]) : 25;
    {
      double[] m = measure(n, maxMessages);
      double anchor = m[0];
      double gordon = m[1];
      System.out.printf(Locale.ROOT, "%-62s %10s%n", "client (max_messages " + maxMessages + ", "
          + n + " messages)", "events/s");
      System.out.printf(Locale.ROOT, "%-62s %,10.0f%n",
          "(anchor) consumer acking at once, no processing", anchor);
      System.out.printf(Locale.ROOT, "%-62s %,10.0f%n",
          "(gordon) consumer -> router -> in-memory provider", gordon);
      System.out.printf(Locale.ROOT, "ratio %.2f%n", gordon / anchor);
    }
  }

  private static double run(PubSubEmulator emu, String name, int n, long maxMessages,
      boolean router) throws Exception {
    String topic = name + "-" + System.nanoTime();
    String sub = topic + "-sub";
    emu.createTopic(PROJECT, topic);
    emu.createSubscription(PROJECT, sub, topic, false, 60);
    for (int i = 0; i < n; i++) {
      emu.publish(PROJECT, topic, event(name + i, i), Map.of(), null);
    }
    Map<String, Object> cfg = new HashMap<>(Map.of("project", PROJECT, "topic", topic,
        "subscription", sub, "endpoint", emu.hostPort(), "max_messages", maxMessages,
        "create_subscription", false));
    JsonEventCodec codec = new JsonEventCodec(new CoreSettings.Events(60, 86400));
    PubSubConsumerFactory factory = new PubSubConsumerFactory();
    EventSource consumer = (EventSource) factory.create(FakePluginContext.of(
        "gcp.event_consumer", factory.configSpec(), cfg, Clock.systemUTC(), Path.of("."), codec));
    CountDownLatch done = new CountDownLatch(n);
    Router r = RouterBuilder.create().provider("mem", new InMemoryDnsProvider("mem",
        "bench.example")).deadLetters(new RecordingDeadLetterSink()).build();
    SourceContext inner = router ? r.contextFor("gcp.event_consumer", Duration.ZERO) : null;
    SourceContext ctx = new SourceContext() {
      @Override
      public void submit(EventMessage m, Delivery d) throws InterruptedException {
        Delivery counted = (id, o, h) -> {
          d.settle(id, o, h);
          done.countDown();
        };
        if (inner != null) {
          inner.submit(m, counted);
        } else {
          counted.settle(m.id(), new Outcome.Applied(), m.history());
        }
      }

      @Override
      public void reject(String id, String payload, String reason, Map<String, String> a,
          Delivery d) {
        throw new IllegalStateException("benchmark message rejected: " + reason);
      }

      @Override
      public boolean stopping() {
        return false;
      }
    };
    consumer.start();
    long t0 = System.nanoTime();
    Thread t = Thread.ofPlatform().start(() -> {
      try {
        consumer.run(ctx);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    if (!done.await(300, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + ": " + done.getCount() + " messages not settled");
    }
    double rate = n / ((System.nanoTime() - t0) / 1e9);
    consumer.stop();
    consumer.shutdown();
    t.join(10_000);
    r.drain(Duration.ofSeconds(5));
    return rate;
  }

  private static String event(String host, int i) {
    return "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\"" + host
        + ".bench.example.\",\"type\":\"A\",\"rrdatas\":[\"10.0." + (i / 250 % 250) + "."
        + (i % 250 + 1) + "\"],\"ttl\":300}}";
  }
}
