package io.gordon.gcp;

import com.google.api.client.googleapis.services.json.AbstractGoogleJsonClient;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import io.gordon.api.plugin.PluginContext;
import java.time.Duration;

/**
 * The Google API clients of the gcp plugins (Cloud DNS, Compute Engine), all set up alike: the JDK
 * HTTP transport, Gson, the plugin's credentials and {@code request_timeout}, and its endpoint.
 */
public final class GoogleClients {
  private GoogleClients() {}

  /** A generated client's builder constructor, such as {@code Dns.Builder::new}. */
  @FunctionalInterface
  public interface Constructor<B extends AbstractGoogleJsonClient.Builder> {
    /** A builder on {@code transport} and {@code json} whose requests pass {@code init}. */
    B create(HttpTransport transport, JsonFactory json, HttpRequestInitializer init);
  }

  /**
   * A builder of the client made by {@code constructor} for the plugin of {@code context}: its
   * credentials, {@code timeout} for connecting and reading, and {@code endpoint} (a root URL).
   */
  public static <B extends AbstractGoogleJsonClient.Builder> B builder(
      Constructor<B> constructor, PluginContext context, Duration timeout, String endpoint) {
    B b =
        constructor.create(
            new NetHttpTransport(),
            GsonFactory.getDefaultInstance(),
            GcpCredentials.initializer(GcpCredentials.load(context), timeout));
    b.setRootUrl(GcpKeys.root(endpoint));
    b.setApplicationName("gordon");
    return b;
  }
}
