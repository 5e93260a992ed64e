/**
 * The plugin kinds and the contexts through which they talk to the core.
 *
 * <p>A plugin jar registers one or more {@link io.gordon.api.plugin.PluginFactory} in {@code
 * META-INF/services/io.gordon.api.plugin.PluginFactory}. The core creates the plugins named in
 * {@code core.plugins}, each with a {@link io.gordon.api.plugin.PluginContext}, and wires them by
 * kind: {@link io.gordon.api.plugin.EventSource} produces messages, {@link
 * io.gordon.api.plugin.MessageHandler} handles a phase (enrich, cleanup, ...), {@link
 * io.gordon.api.plugin.DnsProvider} applies changes in the publish phase (the core batches them),
 * {@link io.gordon.api.plugin.MetricRelay} emits metrics and {@link
 * io.gordon.api.plugin.DeadLetterSink} parks what cannot be applied.
 */
package io.gordon.api.plugin;
