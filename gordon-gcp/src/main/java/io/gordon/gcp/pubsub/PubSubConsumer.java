package io.gordon.gcp.pubsub;

import com.google.api.core.ApiService;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriberShutdownSettings;
import com.google.pubsub.v1.ProjectSubscriptionName;
import io.gordon.api.GordonException;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.SourceContext;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Pub/Sub event source ({@code gcp.event_consumer}): a streaming-pull {@link Subscriber} whose
 * messages go to the router through {@link PubSubReceiver}. Creates the subscription when asked; a
 * failed subscribe is retried with backoff forever, never by exiting. Readiness is 503 at once
 * (naming the subscription) from start until the subscription is confirmed and the subscriber runs,
 * and again while it fails, the subscription is gone or Pub/Sub is unreachable.
 */
final class PubSubConsumer implements EventSource {
  /** Messages answered but whose ack the client library has not sent yet, at most. */
  static final int ACK_WINDOW = 1000;

  /**
   * The original's {@code plugin} attribute of the consumer's metrics ({@code message-validated},
   * {@code audit-log-entry-skipped}, and {@code msg-too-old} counted by the core).
   */
  static final String METRICS_PLUGIN = "event-consumer";

  /** How often a running subscriber's subscription is looked up for readiness. */
  static final java.time.Duration PROBE_EVERY = java.time.Duration.ofSeconds(2);

  private final PluginContext context;
  private final PubSubSettings settings;
  private final PubSubTransport transport;
  private final Object wake = new Object();
  private volatile boolean stopped;
  private volatile Subscriber subscriber;

  PubSubConsumer(PluginContext context, PubSubSettings settings, PubSubTransport transport) {
    this.context = context;
    this.settings = settings;
    this.transport = transport;
  }

  @Override
  public Optional<String> metricsPluginName() {
    return Optional.of(METRICS_PLUGIN);
  }

  /** Readiness is 503 from the start until the subscription is confirmed and consumed. */
  @Override
  public void start() {
    context.health().down("not consuming yet: waiting for subscription " + settings.subscription());
  }

  @Override
  public void run(SourceContext source) {
    MessageReceiver receiver =
        new PubSubReceiver(context, source, () -> stopped, settings.maxMessages());
    for (int failures = 0; !stopped; ) {
      String step = "create subscription " + settings.subscription();
      try (SubscriptionCheck check = new SubscriptionCheck(settings, transport)) {
        if (check.ensure()) {
          log(
              System.Logger.Level.INFO,
              "created subscription {0} on {1}",
              settings.subscription(),
              settings.topic());
        }
        step = "subscribe to " + settings.subscription();
        Subscriber s = subscriber(receiver);
        subscriber = s;
        s.startAsync().awaitRunning();
        // ready only once the subscription is known to exist: from then on Pub/Sub keeps
        // every message published for it, whether or not the stream has opened yet
        check.probe();
        context.health().healthy();
        log(
            System.Logger.Level.INFO,
            "subscribed to {0} through {1}",
            settings.subscription(),
            transport);
        failures = 0;
        watch(s, check);
      } catch (RuntimeException e) {
        if (stopped) {
          break;
        }
        stopSubscriber();
        String reason =
            e instanceof GordonException ? e.getMessage() : step + " failed: " + rootMessage(e);
        context.health().down(reason);
        log(System.Logger.Level.WARNING, "{0}; retrying", reason);
        pause(settings.resubscribe().delay(failures++).toMillis());
      }
    }
  }

  /**
   * Returns when stopped; throws when the subscriber fails or the subscription is gone. Probes the
   * subscription every {@link #PROBE_EVERY}: an unreachable Pub/Sub is "down" (the subscriber
   * reconnects by itself), and "healthy" again once a probe gets through.
   */
  private void watch(Subscriber s, SubscriptionCheck check) {
    long nextProbe = System.nanoTime() + PROBE_EVERY.toNanos();
    boolean reachable = true;
    while (!stopped && s.isRunning()) {
      pause(250);
      if (stopped || !s.isRunning() || System.nanoTime() < nextProbe) {
        continue;
      }
      nextProbe = System.nanoTime() + PROBE_EVERY.toNanos();
      try {
        check.probe();
        if (!reachable) {
          context.health().healthy();
          log(
              System.Logger.Level.INFO,
              "subscription {0} reachable again",
              settings.subscription());
        }
        reachable = true;
      } catch (GordonException e) {
        if (e.getCause() instanceof NotFoundException) {
          throw e;
        }
        reachable = false;
        context.health().down(e.getMessage());
        log(System.Logger.Level.WARNING, "{0}", e.getMessage());
      }
    }
    if (!stopped) {
      Throwable cause = s.state() == ApiService.State.FAILED ? s.failureCause() : null;
      for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof NotFoundException) {
          throw check.missing(cause);
        }
      }
      throw new IllegalStateException(
          "subscriber " + s.state() + (cause != null ? ": " + cause : ""));
    }
  }

  /** Stops a subscriber left running by a failed probe, so two never overlap. */
  private void stopSubscriber() {
    Subscriber s = subscriber;
    if (s != null && s.isRunning()) {
      s.stopAsync();
      try {
        s.awaitTerminated(settings.shutdownGrace().toMillis() + 5000, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | IllegalStateException e) {
        log(System.Logger.Level.WARNING, "subscriber did not stop cleanly: {0}", e.toString());
      }
    }
  }

  private Subscriber subscriber(MessageReceiver receiver) {
    Subscriber.Builder b =
        Subscriber.newBuilder(
                ProjectSubscriptionName.of(
                    settings.subscriptionProject(), settings.subscriptionId()),
                receiver)
            .setParallelPullCount(settings.parallelPulls())
            .setCredentialsProvider(transport.credentials())
            .setFlowControlSettings(
                FlowControlSettings.newBuilder()
                    // The receiver bounds the messages in work to max_messages; the window on top
                    // covers acks waiting in the client's 100 ms ack batch (see PubSubReceiver).
                    .setMaxOutstandingElementCount((long) settings.maxMessages() + ACK_WINDOW)
                    .setLimitExceededBehavior(FlowController.LimitExceededBehavior.Block)
                    .build())
            // Lease in steps of ack_deadline, so that the messages of a crashed process come back
            // after at most that long rather than the client's 60 s default.
            .setMaxDurationPerAckExtensionDuration(
                java.time.Duration.ofSeconds(settings.ackDeadlineSeconds()))
            .setSubscriberShutdownSettings(
                SubscriberShutdownSettings.newBuilder()
                    .setMode(SubscriberShutdownSettings.ShutdownMode.WAIT_FOR_PROCESSING)
                    .setTimeout(settings.shutdownGrace())
                    .build());
    if (transport.channels() != null) {
      b.setChannelProvider(transport.channels());
    }
    return b.build();
  }

  @SuppressWarnings("WaitNotInLoop") // a timed pause: waking early only polls sooner
  private void pause(long millis) {
    synchronized (wake) {
      if (!stopped) {
        try {
          wake.wait(Math.max(1, millis));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopped = true;
        }
      }
    }
  }

  @Override
  public void stop() {
    stopped = true;
    Subscriber s = subscriber;
    if (s != null) {
      s.stopAsync();
    }
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  @Override
  public void shutdown() {
    stop();
    Subscriber s = subscriber;
    if (s != null) {
      try {
        s.awaitTerminated(settings.shutdownGrace().toMillis() + 5000, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | IllegalStateException e) {
        log(System.Logger.Level.WARNING, "subscriber did not stop cleanly: {0}", e.toString());
      }
    }
    transport.close();
  }

  private void log(System.Logger.Level level, String format, Object... args) {
    context.logger().log(level, context.pluginName() + ": " + format, args);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
  }
}
