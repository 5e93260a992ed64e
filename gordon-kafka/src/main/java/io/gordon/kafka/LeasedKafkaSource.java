package io.gordon.kafka;

import io.gordon.api.janitor.JanitorLease;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.SourceContext;

/**
 * {@code kafka.event_consumer} with {@code janitor_lease_topic}: the source, plus the janitor lease
 * ({@link JanitorLeaseConsumer}) on its own thread for as long as the plugin runs.
 */
final class LeasedKafkaSource implements EventSource, JanitorLease {
  private final KafkaSource source;
  private final JanitorLeaseConsumer lease;
  private volatile Thread leasing;

  LeasedKafkaSource(KafkaSource source, JanitorLeaseConsumer lease) {
    this.source = source;
    this.lease = lease;
  }

  @Override
  public void start() {
    source.start();
    leasing = Thread.ofPlatform().name("gordon-janitor-lease").daemon(true).start(lease);
  }

  @Override
  public void run(SourceContext context) throws Exception {
    source.run(context);
  }

  @Override
  public void stop() {
    lease.stop();
    source.stop();
  }

  @Override
  public void shutdown() {
    lease.stop();
    Thread t = leasing;
    if (t != null) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    source.shutdown();
  }

  @Override
  public boolean held() {
    return lease.held();
  }

  @Override
  public String describe() {
    return lease.describe();
  }
}
