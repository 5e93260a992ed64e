package io.gordon.api.plugin;

/**
 * Where messages that cannot be applied are parked. The default is a JSON-lines file; plugins may
 * publish to a topic instead. Thread-safe.
 */
public interface DeadLetterSink extends GordonPlugin {
  /**
   * Stores {@code letter} durably (fsync, broker acknowledgement) before returning. Throws a {@link
   * io.gordon.api.GordonException} when it could not; the message is then redelivered rather than
   * acknowledged.
   */
  void park(DeadLetter letter);
}
