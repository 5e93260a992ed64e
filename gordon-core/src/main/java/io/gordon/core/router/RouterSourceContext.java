package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.SourceContext;
import java.time.Duration;
import java.util.Map;

/** The {@link SourceContext} of one source: the router plus the source's max_msg_age. */
final class RouterSourceContext implements SourceContext {
  private final Router router;
  private final String name;
  private final Duration maxAge;

  RouterSourceContext(Router router, String name, Duration maxAge) {
    this.router = router;
    this.name = name;
    this.maxAge = maxAge;
  }

  @Override
  public void submit(EventMessage message, Delivery delivery) throws InterruptedException {
    router.intake(message, delivery, maxAge, name);
  }

  @Override
  public void resubmit(EventMessage message, Delivery delivery) throws InterruptedException {
    router.resubmit(message, delivery);
  }

  @Override
  public void reject(
      String id, String payload, String reason, Map<String, String> attributes, Delivery delivery) {
    router.reject(id, payload, reason, attributes, delivery);
  }

  @Override
  public boolean stopping() {
    return router.stopping();
  }
}
