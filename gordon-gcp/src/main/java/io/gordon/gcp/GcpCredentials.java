package io.gordon.gcp;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import io.gordon.api.PluginLoadException;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.plugin.PluginContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Credentials for a gcp plugin: none ({@code anonymous = true}), a service-account key file, or
 * Application Default Credentials. Tokens are refreshed by google-auth and never logged; only the
 * key file's path and the credential kind appear in messages.
 */
public final class GcpCredentials {
  private static final String SCOPE_PREFIX = "https://www.googleapis.com/auth/";

  private GcpCredentials() {}

  /**
   * Loads the plugin's credentials; empty when {@code anonymous} is true (with a warning).
   *
   * @throws PluginLoadException naming the key file, or explaining how to provide ADC
   */
  public static Optional<GoogleCredentials> load(PluginContext context) {
    PluginConfig c = context.config();
    if (c.get(GcpKeys.ANONYMOUS)) {
      context
          .logger()
          .log(
              System.Logger.Level.WARNING,
              "{0}: anonymous = true: requests carry "
                  + "no credentials; use this only with emulators and fakes",
              context.pluginName());
      return Optional.empty();
    }
    List<String> scopes = scopes(c.get(GcpKeys.SCOPES));
    Optional<String> keyfile = c.get(GcpKeys.KEYFILE);
    if (keyfile.isPresent()) {
      Path path = context.configRoot().resolve(keyfile.get());
      try (InputStream in = Files.newInputStream(path)) {
        return Optional.of(GoogleCredentials.fromStream(in).createScoped(scopes));
      } catch (NoSuchFileException e) {
        throw new PluginLoadException(context.pluginName(), "keyfile " + path + " was not found");
      } catch (IOException | RuntimeException e) {
        throw new PluginLoadException(
            context.pluginName(),
            "keyfile " + path + " is not a valid service-account JSON key: " + e.getMessage());
      }
    }
    try {
      return Optional.of(GoogleCredentials.getApplicationDefault().createScoped(scopes));
    } catch (IOException e) {
      throw new PluginLoadException(
          context.pluginName(),
          "no keyfile is configured and no "
              + "Application Default Credentials were found (set keyfile, set "
              + "GOOGLE_APPLICATION_CREDENTIALS, or run on GCE): "
              + e.getMessage());
    }
  }

  /** Full scope URLs: short names get the googleapis prefix. */
  public static List<String> scopes(List<String> configured) {
    return configured.stream().map(s -> s.startsWith("https://") ? s : SCOPE_PREFIX + s).toList();
  }

  /** A request initializer adding credentials (if any) and timeouts to every API call. */
  public static HttpRequestInitializer initializer(
      Optional<GoogleCredentials> credentials, Duration timeout) {
    HttpCredentialsAdapter adapter = credentials.map(HttpCredentialsAdapter::new).orElse(null);
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    return request -> {
      if (adapter != null) {
        adapter.initialize(request);
      }
      request.setConnectTimeout(millis);
      request.setReadTimeout(millis);
      request.setLoggingEnabled(false);
    };
  }
}
