package io.gordon.gcp.pubsub;

import com.google.pubsub.v1.StreamingPullRequest;
import com.google.pubsub.v1.StreamingPullResponse;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.time.Duration;

/**
 * Answers the Java client's streaming-pull keepalive pings on behalf of an emulator that does not.
 *
 * <p>Why: the client (google-cloud-pubsub 1.148) sends an empty {@code StreamingPullRequest} every
 * 30 s and closes the stream when no response follows within 15 s. Pub/Sub answers with an empty
 * response; the emulator in the image (0.8.20, before 0.8.32 of gcloud 568.0.0) does not, so an
 * idle stream was torn down every 20 s. That emulator also mishandles the cancel ({@code
 * NoSuchMethodError} in its log) and keeps each closed stream, handing it a share of the messages,
 * which then wait out their ack deadline: after a few teardowns nothing arrived for minutes. Only
 * the emulator's channel carries this interceptor; Google's endpoint answers its pings itself.
 */
final class EmulatorKeepalive implements ClientInterceptor {
  static final String STREAMING_PULL = "google.pubsub.v1.Subscriber/StreamingPull";

  /** How long after a ping its answer is delivered. */
  static final Duration ANSWER_DELAY = Duration.ofSeconds(3);

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    ClientCall<Q, R> call = next.newCall(method, options);
    if (!method.getFullMethodName().equals(STREAMING_PULL)) {
      return call;
    }
    return new PingAnswering<>(call);
  }

  /** True for the client's keepalive ping: a request that names nothing and acks nothing. */
  static boolean isPing(Object request) {
    return request instanceof StreamingPullRequest r
        && r.getSubscription().isEmpty()
        && r.getAckIdsCount() == 0
        && r.getModifyDeadlineAckIdsCount() == 0
        && r.getStreamAckDeadlineSeconds() == 0;
  }

  /**
   * A streaming-pull call whose pings get an empty response, delivered to the listener under the
   * same lock as the emulator's own callbacks (gRPC calls a listener one callback at a time) and on
   * a thread of its own, since the client pings while holding its connection lock.
   */
  private static final class PingAnswering<Q, R> extends SimpleForwardingClientCall<Q, R> {
    private final Object lock = new Object();
    private Listener<R> listener;
    private boolean closed;

    PingAnswering(ClientCall<Q, R> call) {
      super(call);
    }

    @Override
    public void start(Listener<R> responseListener, Metadata headers) {
      synchronized (lock) {
        listener = responseListener;
      }
      super.start(
          new SimpleForwardingClientCallListener<R>(responseListener) {
            @Override
            public void onMessage(R message) {
              synchronized (lock) {
                super.onMessage(message);
              }
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
              synchronized (lock) {
                closed = true;
                super.onClose(status, trailers);
              }
            }
          },
          headers);
    }

    @Override
    public void sendMessage(Q message) {
      super.sendMessage(message);
      if (isPing(message)) {
        Thread.ofVirtual().name("emulator-keepalive").start(this::answerPing);
      }
    }

    @SuppressWarnings("unchecked") // the method's response type is StreamingPullResponse
    private void answerPing() {
      try {
        // the client notes the ping's time only after sending it; an answer noted before that
        // would count as no answer. The client waits 15 s for one.
        Thread.sleep(ANSWER_DELAY);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      synchronized (lock) {
        if (!closed && listener != null) {
          listener.onMessage((R) StreamingPullResponse.getDefaultInstance());
        }
      }
    }
  }
}
