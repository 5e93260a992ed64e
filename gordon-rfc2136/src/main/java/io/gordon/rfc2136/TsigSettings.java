package io.gordon.rfc2136;

import io.gordon.api.ConfigException;
import io.gordon.api.config.Secret;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A TSIG key: its name, algorithm and secret. {@link #toString()} never shows the secret.
 *
 * @param keyName the key name as the server knows it
 * @param algorithm one of {@link #ALGORITHMS}
 * @param secret the base64 secret
 */
public record TsigSettings(String keyName, String algorithm, Secret secret) {
  /** The algorithms accepted: RFC 8945 forbids hmac-md5. */
  public static final List<String> ALGORITHMS =
      List.of("hmac-sha1", "hmac-sha224", "hmac-sha256", "hmac-sha384", "hmac-sha512");

  /** Checks the fields. */
  public TsigSettings {
    Objects.requireNonNull(keyName, "keyName == null");
    Objects.requireNonNull(algorithm, "algorithm == null");
    Objects.requireNonNull(secret, "secret == null");
  }

  /** Validates the values given in the configuration of {@code plugin}. */
  static TsigSettings of(String plugin, String keyName, String algorithm, Secret secret) {
    String alg = algorithm.trim().toLowerCase(Locale.ROOT);
    if (alg.equals("hmac-md5") || alg.startsWith("hmac-md5.")) {
      throw new ConfigException(
          plugin
              + ".tsig_algorithm: \""
              + algorithm
              + "\" is refused:"
              + " RFC 8945 forbids hmac-md5 (use hmac-sha256)");
    }
    if (!ALGORITHMS.contains(alg)) {
      throw new ConfigException(
          plugin
              + ".tsig_algorithm: invalid value \""
              + algorithm
              + "\" (expected one of "
              + String.join(", ", ALGORITHMS)
              + ")");
    }
    if (keyName.isBlank()) {
      throw new ConfigException(plugin + ".tsig_key_name: must not be empty");
    }
    if (!base64(secret)) {
      throw new ConfigException(
          plugin
              + ".tsig_secret ("
              + secret.origin()
              + "): is not a non-empty base64 string (as tsig-keygen prints it)");
    }
    return new TsigSettings(keyName.trim(), alg, secret);
  }

  /** Whether the secret is non-empty base64, as tsig-keygen prints it. */
  static boolean base64(Secret secret) {
    try {
      return Base64.getDecoder().decode(secret.reveal().trim()).length > 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "TsigSettings[" + keyName + ", " + algorithm + ", secret from " + secret.origin() + "]";
  }
}
