package io.gordon.gcp.pubsub;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import io.gordon.api.config.HostPort;
import io.gordon.api.plugin.PluginContext;
import io.gordon.gcp.GcpCredentials;
import io.gordon.gcp.GcpKeys;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How a Pub/Sub plugin reaches the service: Google's endpoint with credentials, or an emulator
 * ({@code endpoint} key, else {@code PUBSUB_EMULATOR_HOST}) over a plaintext channel without
 * credentials. The Java client does not read {@code PUBSUB_EMULATOR_HOST} itself.
 */
final class PubSubTransport implements AutoCloseable {
  private final ManagedChannel channel;
  private final TransportChannelProvider channels;
  private final CredentialsProvider credentials;
  private final String description;

  private PubSubTransport(
      ManagedChannel channel,
      TransportChannelProvider channels,
      CredentialsProvider credentials,
      String description) {
    this.channel = channel;
    this.channels = channels;
    this.credentials = credentials;
    this.description = description;
  }

  /** Builds the transport for the plugin of {@code context}. */
  static PubSubTransport create(PluginContext context) {
    Optional<String> emulator =
        context
            .config()
            .get(GcpKeys.PUBSUB_EMULATOR)
            .map(HostPort::toString)
            .or(() -> Optional.ofNullable(System.getenv("PUBSUB_EMULATOR_HOST")))
            .filter(s -> !s.isBlank());
    if (emulator.isPresent()) {
      ManagedChannel ch =
          ManagedChannelBuilder.forTarget(emulator.get())
              .usePlaintext()
              .intercept(new EmulatorKeepalive())
              .build();
      return new PubSubTransport(
          ch,
          FixedTransportChannelProvider.create(GrpcTransportChannel.create(ch)),
          NoCredentialsProvider.create(),
          "emulator at " + emulator.get());
    }
    CredentialsProvider creds =
        GcpCredentials.load(context)
            .<CredentialsProvider>map(FixedCredentialsProvider::create)
            .orElseGet(NoCredentialsProvider::create);
    return new PubSubTransport(null, null, creds, "Google Cloud Pub/Sub");
  }

  /** The channel provider, or null for the client's default (Google's endpoint). */
  TransportChannelProvider channels() {
    return channels;
  }

  CredentialsProvider credentials() {
    return credentials;
  }

  @Override
  public String toString() {
    return description;
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.shutdown();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** {@code projects/<project>/<kind>/<name>} unless {@code name} is already a full path. */
  static String fullName(String project, String kind, String name) {
    return name.startsWith("projects/") ? name : "projects/" + project + "/" + kind + "/" + name;
  }
}
