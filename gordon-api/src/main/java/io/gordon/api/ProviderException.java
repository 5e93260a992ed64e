package io.gordon.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A DNS provider refused or failed a change. Names the provider, zone, record name and type so that
 * an operator can find the record; {@link #retriable()} tells the router whether to retry. Each
 * provider maps its vendor errors to this class in one place.
 */
public class ProviderException extends GordonException {
  private static final long serialVersionUID = 1L;
  private final String provider;
  private final String zone;
  private final String name;
  private final String type;
  private final boolean retriable;

  /**
   * Creates the exception. {@code zone}, {@code name} and {@code type} may be empty strings when
   * the failure concerns the provider as a whole (for example an unreachable server).
   */
  public ProviderException(
      String provider,
      String zone,
      String name,
      String type,
      boolean retriable,
      String message,
      @Nullable Throwable cause) {
    super(message, cause);
    this.provider = Objects.requireNonNull(provider, "provider == null");
    this.zone = Objects.requireNonNull(zone, "zone == null");
    this.name = Objects.requireNonNull(name, "name == null");
    this.type = Objects.requireNonNull(type, "type == null");
    this.retriable = retriable;
  }

  /** The provider plugin name, e.g. {@code rfc2136}. */
  public String provider() {
    return provider;
  }

  /** The zone the change was for, or an empty string. */
  public String zone() {
    return zone;
  }

  /** The record name, or an empty string. */
  public String name() {
    return name;
  }

  /** The record type, or an empty string. */
  public String type() {
    return type;
  }

  /** Whether trying the same change again later may succeed. */
  public boolean retriable() {
    return retriable;
  }
}
