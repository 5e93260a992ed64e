package io.gordon.core.router;

import io.gordon.api.model.EventMessage;

/** One phase of the route: a message handler, or the batching adapter of the DNS providers. */
interface Stage {
  /** The phase served. */
  String phase();

  /** The plugin name(s), for history, logs and metrics. */
  String plugin();

  /** Handles the message; throws the SPI exceptions on failure. */
  EventMessage handle(EventMessage message);
}
