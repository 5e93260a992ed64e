package io.gordon.gcp.pubsub;

import io.gordon.gcp.TestContext;
import io.gordon.testing.gcp.PubSubEmulator;
import java.util.HashMap;
import java.util.Map;

/**
 * A gcp.event_consumer on the Pub/Sub emulator as this package's ITs run it: created and started as
 * the core does, with a platform thread (not yet started) that runs it into a {@link
 * RecordingSource}.
 *
 * @param consumer the consumer, started
 * @param thread runs the consumer; {@link #run} starts it
 * @param source what the consumer hands over
 * @param context the plugin context it was created with
 */
record EmulatorConsumer(
    PubSubConsumer consumer, Thread thread, RecordingSource source, TestContext context) {

  /**
   * The settings every IT here gives, short waits for a shared two-core machine, and {@code extra}
   * over them.
   */
  static Map<String, Object> settings(
      PubSubEmulator emulator, String topic, String subscription, Map<String, Object> extra) {
    Map<String, Object> cfg =
        new HashMap<>(
            Map.of(
                "project",
                PubSubIT.PROJECT,
                "topic",
                topic,
                "subscription",
                subscription,
                "endpoint",
                emulator.hostPort(),
                "ack_deadline",
                10L,
                "resubscribe_delay",
                0.1,
                "resubscribe_max_delay",
                0.5,
                "shutdown_grace",
                0.5));
    cfg.putAll(extra);
    return cfg;
  }

  /** Creates and starts the consumer of {@code context}; its thread is named {@code name}. */
  static EmulatorConsumer create(TestContext context, String name) {
    PubSubConsumer c = (PubSubConsumer) new PubSubConsumerFactory().create(context);
    c.start();
    RecordingSource source = new RecordingSource();
    Thread t =
        Thread.ofPlatform()
            .name(name)
            .unstarted(
                () -> {
                  try {
                    c.run(source);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    return new EmulatorConsumer(c, t, source, context);
  }

  /** Starts the thread that runs the consumer. */
  EmulatorConsumer run() {
    thread.start();
    return this;
  }

  /** Stops the consumer and waits for its thread. */
  void stop() {
    consumer.stop();
    consumer.shutdown();
    try {
      thread.join(PubSubIT.WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
