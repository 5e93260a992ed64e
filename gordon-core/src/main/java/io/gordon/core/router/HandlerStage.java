package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.MessageHandler;
import java.util.function.Consumer;
import org.slf4j.MDC;

/** A {@link MessageHandler} as a stage: runs on the message's lane and reports at once. */
record HandlerStage(String plugin, MessageHandler handler) implements Stage {
  @Override
  public String phase() {
    return handler.phase();
  }

  @Override
  public boolean blocks() {
    return true;
  }

  @Override
  public void attempt(EventMessage message, Consumer<Attempt> done) {
    Attempt a;
    // Plugins log per message; the id in the MDC lets a log format show it.
    MDC.put("msg_id", message.id());
    try {
      EventMessage out = handler.handle(message);
      a =
          out != null
              ? new Attempt.Done(out)
              : new Attempt.Failed(
                  message,
                  new IllegalStateException(
                      "plugin " + plugin + " returned no message from phase " + handler.phase()));
    } catch (RuntimeException | Error e) {
      a = new Attempt.Failed(message, e);
    } finally {
      MDC.remove("msg_id");
    }
    done.accept(a);
  }
}
