package io.gordon.testing.dns;

import java.util.Objects;

/**
 * A TSIG key as the test servers are configured with it.
 *
 * @param name the key name, e.g. {@code gordon-key}
 * @param algorithm the algorithm, e.g. {@code hmac-sha256}
 * @param secret the base64 secret
 */
public record TsigKey(String name, String algorithm, String secret) {
  /** Checks the fields. */
  public TsigKey {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(algorithm, "algorithm == null");
    Objects.requireNonNull(secret, "secret == null");
  }

  /** A fresh random hmac-sha256 key named {@code name}. */
  public static TsigKey generate(String name) {
    return new TsigKey(name, "hmac-sha256", ServerSupport.newSecret());
  }

  /** The {@code -y} argument of nsupdate and knsupdate: {@code alg:name:secret}. */
  public String inlineArgument() {
    return algorithm + ":" + name + ":" + secret;
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "TsigKey[" + name + ", " + algorithm + "]";
  }
}
