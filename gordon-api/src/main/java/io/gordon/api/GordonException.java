package io.gordon.api;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception gordon and its plugins throw on purpose. Unchecked.
 *
 * <p>The router classifies failures by subtype: {@link RetriableException} is retried with backoff,
 * {@link PermanentException} parks the message in the dead-letter sink, and a {@link
 * ProviderException} is one or the other depending on {@link ProviderException#retriable()}. Any
 * other exception escaping a plugin is treated as retriable once, then permanent.
 */
public class GordonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that states the subject, the value and the rule. */
  public GordonException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public GordonException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
