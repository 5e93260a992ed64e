package io.gordon.gcp.pubsub;

import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriberShutdownSettings;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.Subscription;
import io.gordon.api.GordonException;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.SourceContext;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Pub/Sub event source ({@code gcp.event_consumer}): a streaming-pull {@link Subscriber}
 * whose messages go to the router through {@link PubSubReceiver}. Creates the subscription when
 * asked; a failed subscribe is retried with backoff forever and reported through readiness, never
 * by exiting.
 */
final class PubSubConsumer implements EventSource {
  /** Messages answered but whose ack the client library has not sent yet, at most. */
  static final int ACK_WINDOW = 1000;
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
  public void run(SourceContext source) {
    MessageReceiver receiver = new PubSubReceiver(context, source, () -> stopped,
        settings.maxMessages());
    for (int failures = 0; !stopped; ) {
      String step = "create subscription " + settings.subscription();
      try {
        if (settings.createSubscription()) {
          ensureSubscription();
        }
        step = "subscribe to " + settings.subscription();
        Subscriber s = subscriber(receiver);
        subscriber = s;
        s.startAsync().awaitRunning();
        context.health().healthy();
        log(System.Logger.Level.INFO, "subscribed to {0} through {1}", settings.subscription(),
            transport);
        failures = 0;
        waitWhileRunning(s);
        if (!stopped) {
          throw new IllegalStateException("subscriber " + s.state() + (s.state()
              == com.google.api.core.ApiService.State.FAILED ? ": " + s.failureCause() : ""));
        }
      } catch (RuntimeException e) {
        if (stopped) {
          break;
        }
        String reason = step + " failed: " + rootMessage(e);
        context.health().unhealthy(reason);
        log(System.Logger.Level.WARNING, "{0}; retrying", reason);
        pause(settings.resubscribe().delay(failures++).toMillis());
      }
    }
  }

  private Subscriber subscriber(MessageReceiver receiver) {
    Subscriber.Builder b = Subscriber.newBuilder(ProjectSubscriptionName.of(
            settings.subscriptionProject(), settings.subscriptionId()), receiver)
        .setCredentialsProvider(transport.credentials())
        .setFlowControlSettings(FlowControlSettings.newBuilder()
            // The receiver bounds the messages in work to max_messages; the window on top
            // covers acks waiting in the client's 100 ms ack batch (see PubSubReceiver).
            .setMaxOutstandingElementCount((long) settings.maxMessages() + ACK_WINDOW)
            .setLimitExceededBehavior(FlowController.LimitExceededBehavior.Block).build())
        // Lease in steps of ack_deadline, so that the messages of a crashed process come back
        // after at most that long rather than the client's 60 s default.
        .setMaxDurationPerAckExtensionDuration(
            java.time.Duration.ofSeconds(settings.ackDeadlineSeconds()))
        .setSubscriberShutdownSettings(SubscriberShutdownSettings.newBuilder()
            .setMode(SubscriberShutdownSettings.ShutdownMode.WAIT_FOR_PROCESSING)
            .setTimeout(settings.shutdownGrace()).build());
    if (transport.channels() != null) {
      b.setChannelProvider(transport.channels());
    }
    return b.build();
  }

  private void ensureSubscription() {
    SubscriptionAdminSettings.Builder b = SubscriptionAdminSettings.newBuilder()
        .setCredentialsProvider(transport.credentials());
    if (transport.channels() != null) {
      b.setTransportChannelProvider(transport.channels());
    }
    try (SubscriptionAdminClient admin = SubscriptionAdminClient.create(b.build())) {
      admin.createSubscription(Subscription.newBuilder().setName(settings.subscription())
          .setTopic(settings.topic()).setAckDeadlineSeconds(settings.ackDeadlineSeconds())
          .setEnableMessageOrdering(settings.ordering()).build());
      log(System.Logger.Level.INFO, "created subscription {0} on {1}", settings.subscription(),
          settings.topic());
    } catch (AlreadyExistsException e) {
      // fine: it exists
    } catch (NotFoundException e) {
      throw new GordonException("topic \"" + settings.topic() + "\" does not exist", e);
    } catch (IOException e) {
      throw new GordonException("cannot reach Pub/Sub: " + e.getMessage(), e);
    }
  }

  private void waitWhileRunning(Subscriber s) {
    synchronized (wake) {
      while (!stopped && s.isRunning()) {
        try {
          wake.wait(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopped = true;
        }
      }
    }
  }

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
