package io.gordon.api.janitor;

import io.gordon.api.model.DnsEvent;
import io.gordon.api.plugin.GordonPlugin;
import java.util.List;

/**
 * Sends the janitor's events to where a gordon service consumes them (e.g. the Pub/Sub topic of the
 * original's {@code gcp.gpubsub} janitor publisher), instead of applying them in the janitor
 * process. Created by a factory of kind {@link io.gordon.api.plugin.PluginKind#EVENT_PUBLISHER}.
 *
 * @since 1.1
 */
public interface EventPublisher extends GordonPlugin {
  /**
   * Sends {@code events} and returns once the destination has accepted every one of them (e.g.
   * Pub/Sub returned a message id).
   *
   * @param events generic events (records, no resource name), in the order to send
   * @throws io.gordon.api.GordonException naming how many events were not accepted and why
   */
  void publish(List<DnsEvent> events);
}
