package io.gordon.kafka;

import io.gordon.api.plugin.PluginContext;

/** A kafka.event_consumer running on its own thread against a {@link Recorder}. */
final class Running implements AutoCloseable {
  final KafkaSource source;
  final Recorder recorder = new Recorder();
  private final Thread thread;
  volatile Throwable failure;

  Running(PluginContext ctx) {
    source = (KafkaSource) new KafkaConsumerFactory().create(ctx);
    source.start();
    thread =
        Thread.ofPlatform()
            .name("test-source")
            .start(
                () -> {
                  try {
                    source.run(recorder);
                  } catch (Throwable e) {
                    failure = e;
                  }
                });
  }

  @Override
  public void close() throws InterruptedException {
    recorder.unblock();
    source.stop();
    thread.join(30_000);
    if (failure != null) {
      throw new AssertionError("the source failed", failure);
    }
  }
}
