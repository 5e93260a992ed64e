package io.gordon.testing.fakes;

import io.gordon.api.RetriableException;
import io.gordon.api.plugin.DeadLetter;
import io.gordon.api.plugin.DeadLetterSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory dead-letter sink; {@link #failWith} makes every park fail. Thread-safe. */
public final class RecordingDeadLetterSink implements DeadLetterSink {
  private final List<DeadLetter> letters = new CopyOnWriteArrayList<>();
  private volatile String failure;

  @Override
  public void park(DeadLetter letter) {
    String f = failure;
    if (f != null) {
      throw new RetriableException(f);
    }
    letters.add(letter);
  }

  /** Makes every later park throw a RetriableException with {@code message}; null heals. */
  public void failWith(String message) {
    this.failure = message;
  }

  /** Every letter parked. */
  public List<DeadLetter> letters() {
    return List.copyOf(letters);
  }
}
