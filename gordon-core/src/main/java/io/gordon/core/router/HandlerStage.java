package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.MessageHandler;

/** A {@link MessageHandler} as a stage. */
record HandlerStage(String plugin, MessageHandler handler) implements Stage {
  @Override
  public String phase() {
    return handler.phase();
  }

  @Override
  public EventMessage handle(EventMessage message) {
    EventMessage out = handler.handle(message);
    if (out == null) {
      throw new IllegalStateException("plugin " + plugin + " returned no message from phase "
          + handler.phase());
    }
    return out;
  }
}
