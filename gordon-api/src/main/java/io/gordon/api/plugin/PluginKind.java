package io.gordon.api.plugin;

/** What a plugin is, which decides how the core wires it. */
public enum PluginKind {
  /** An {@link EventSource}; may also be a {@link MessageHandler} for the cleanup phase. */
  SOURCE,
  /** A {@link MessageHandler} for one phase, e.g. an enricher. */
  HANDLER,
  /** A {@link DnsProvider}, handling the publish phase. */
  PROVIDER,
  /** A {@link MetricRelay}, chosen by {@code core.metrics} and configured by its top-level table. */
  METRICS,
  /** A {@link DeadLetterSink} replacing the default JSON-lines file. */
  DEAD_LETTER
}
