package io.gordon.core.runtime;

import io.gordon.api.config.PluginConfig;
import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.core.config.CoreSettings;
import java.util.List;
import java.util.Optional;

/**
 * Everything the plugin loader produced, ready to run: the boundary between loading (config,
 * discovery, construction) and running (router, delivery, admin).
 *
 * @param settings the validated core settings
 * @param sources event sources, in core.plugins order
 * @param handlers phase handlers (enrichers, cleanup handlers), in core.plugins order
 * @param providers DNS providers, in core.plugins order
 * @param metrics the metric relay chosen by core.metrics
 * @param deadLetterSink a dead-letter plugin, when one is listed; else the core's file sink
 * @param codec the shared event codec
 * @param health the registry every plugin reports its health to
 * @param startOrder every created plugin, in the order to start them (shutdown is reversed)
 */
public record Assembly(
    CoreSettings settings,
    List<Named<EventSource>> sources,
    List<Named<MessageHandler>> handlers,
    List<Named<DnsProvider>> providers,
    MetricRelay metrics,
    Optional<Named<DeadLetterSink>> deadLetterSink,
    EventCodec codec,
    HealthRegistry health,
    List<Named<GordonPlugin>> startOrder) {

  /** Copies the lists. */
  public Assembly {
    sources = List.copyOf(sources);
    handlers = List.copyOf(handlers);
    providers = List.copyOf(providers);
    startOrder = List.copyOf(startOrder);
  }

  /**
   * A plugin with the name it was listed under and its validated configuration.
   *
   * @param name the name from core.plugins
   * @param plugin the plugin
   * @param config the plugin's validated configuration (e.g. a source's own max_msg_age)
   * @param <T> the plugin's kind
   */
  public record Named<T>(String name, T plugin, PluginConfig config) {}
}
