package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import java.util.function.Consumer;

/**
 * One phase of the route: a message handler, or the DNS providers of a phase. Every stage has the
 * same shape: it is given a message and reports one {@link Attempt} to {@code done}, exactly once,
 * either before {@link #attempt} returns (handlers) or later from another thread (the providers'
 * batches). It never throws: a failure is an {@link Attempt.Failed}.
 */
interface Stage {
  /** The phase served. */
  String phase();

  /** The plugin name(s), for history, logs and metrics. */
  String plugin();

  /**
   * Whether {@link #attempt} may block its thread (a handler's synchronous call) rather than hand
   * the work to another thread: the lanes start another worker meanwhile.
   */
  boolean blocks();

  /** Attempts {@code message} once; reports the result to {@code done}. */
  void attempt(EventMessage message, Consumer<Attempt> done);
}
