package io.gordon.api.config;

import java.util.Objects;

/**
 * A secret value (a TSIG secret, a bearer token, a key file's contents). Its {@link #toString()}
 * never shows the value, so it cannot leak into logs or {@code gordon config} output by accident.
 */
public final class Secret {
  private final String value;
  private final String origin;

  /**
   * Creates a secret.
   *
   * @param value the secret itself
   * @param origin where it came from, safe to print: {@code "inline"}, {@code "env FOO"}, {@code
   *     "file /etc/gordon/key"}
   */
  public Secret(String value, String origin) {
    this.value = Objects.requireNonNull(value, "value == null");
    this.origin = Objects.requireNonNull(origin, "origin == null");
  }

  /** The secret value. Never log it. */
  public String reveal() {
    return value;
  }

  /** Where the secret came from; safe to print. */
  public String origin() {
    return origin;
  }

  /** Always {@code "<redacted>"}. */
  @Override
  public String toString() {
    return "<redacted>";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
