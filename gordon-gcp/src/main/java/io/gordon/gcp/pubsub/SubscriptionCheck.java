package io.gordon.gcp.pubsub;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.PermissionDeniedException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.pubsub.v1.Subscription;
import io.gordon.api.GordonException;
import java.io.IOException;
import java.time.Duration;

/**
 * Whether the consumer's subscription exists: creates it when asked, else looks it up, and probes
 * it while the subscriber runs. The subscriber alone cannot tell: it is "running" before its stream
 * has reached the server, and it retries an unreachable server silently forever. One admin client
 * per subscribe attempt; close it when the attempt ends.
 */
final class SubscriptionCheck implements AutoCloseable {
  /** How long one probe may take: it is a readiness check, not a call that must succeed. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  /** What a probe found. */
  enum Probe {
    EXISTS,
    CANNOT_TELL
  }

  private final PubSubSettings settings;
  private final SubscriptionAdminClient admin;
  private volatile boolean mayGet = true;

  SubscriptionCheck(PubSubSettings settings, PubSubTransport transport) {
    this.settings = settings;
    SubscriptionAdminSettings.Builder b =
        SubscriptionAdminSettings.newBuilder().setCredentialsProvider(transport.credentials());
    if (transport.channels() != null) {
      b.setTransportChannelProvider(transport.channels());
    }
    b.getSubscriptionSettings()
        .setRetryableCodes()
        .setSimpleTimeoutNoRetriesDuration(PROBE_TIMEOUT);
    try {
      this.admin = SubscriptionAdminClient.create(b.build());
    } catch (IOException e) {
      throw new GordonException(
          "cannot reach Pub/Sub for subscription "
              + settings.subscription()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Makes sure the subscription exists: creates it (create_subscription) or looks it up.
   *
   * @return whether it was created now
   * @throws GordonException naming the subscription when it does not exist and cannot be made
   */
  boolean ensure() {
    if (!settings.createSubscription()) {
      probe();
      return false;
    }
    try {
      admin.createSubscription(
          Subscription.newBuilder()
              .setName(settings.subscription())
              .setTopic(settings.topic())
              .setAckDeadlineSeconds(settings.ackDeadlineSeconds())
              .setEnableMessageOrdering(settings.ordering())
              .build());
      return true;
    } catch (AlreadyExistsException e) {
      return false;
    } catch (NotFoundException e) {
      throw new GordonException(
          "cannot create subscription "
              + settings.subscription()
              + ": topic \""
              + settings.topic()
              + "\" does not exist",
          e);
    }
  }

  /**
   * Looks the subscription up once.
   *
   * @return {@link Probe#CANNOT_TELL} when gordon may not read it (no pubsub.subscriptions.get:
   *     readiness then follows the subscriber alone)
   * @throws GordonException {@link #missing(Throwable)} when it does not exist, or naming it when
   *     Pub/Sub cannot be reached
   */
  Probe probe() {
    if (!mayGet) {
      return Probe.CANNOT_TELL;
    }
    try {
      admin.getSubscription(settings.subscription());
      return Probe.EXISTS;
    } catch (NotFoundException e) {
      throw missing(e);
    } catch (PermissionDeniedException e) {
      mayGet = false;
      return Probe.CANNOT_TELL;
    } catch (ApiException e) {
      throw new GordonException(
          "cannot reach Pub/Sub to check subscription "
              + settings.subscription()
              + ": "
              + e.getStatusCode().getCode(),
          e);
    }
  }

  /** The error of a subscription that does not exist. */
  GordonException missing(Throwable cause) {
    return new GordonException(
        "subscription "
            + settings.subscription()
            + " does not exist"
            + (settings.createSubscription() ? "" : " (create_subscription is false)"),
        cause);
  }

  /** Whether probes can read the subscription (false after PERMISSION_DENIED). */
  boolean mayGet() {
    return mayGet;
  }

  @Override
  public void close() {
    admin.close();
  }
}
