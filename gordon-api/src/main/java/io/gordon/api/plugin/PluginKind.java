package io.gordon.api.plugin;

/** What a plugin is, which decides how the core wires it. */
public enum PluginKind {
  /** An {@link EventSource}; may also be a {@link MessageHandler} for the cleanup phase. */
  SOURCE,
  /** A {@link MessageHandler} for one phase, e.g. an enricher. */
  HANDLER,
  /** A {@link DnsProvider}, handling the publish phase. */
  PROVIDER,
  /**
   * A {@link MetricRelay}, chosen by {@code core.metrics} and configured by its top-level table.
   */
  METRICS,
  /** A {@link DeadLetterSink} replacing the default JSON-lines file. */
  DEAD_LETTER,
  /** An {@link io.gordon.api.janitor.Authority}: what should exist (janitor only). */
  AUTHORITY,
  /** A {@link io.gordon.api.janitor.ZoneReader}: reads live zones (janitor only). */
  ZONE_READER,
  /** An {@link io.gordon.api.janitor.EventPublisher}: sends janitor events (janitor only). */
  EVENT_PUBLISHER;

  /**
   * Whether plugins of this kind belong to the janitor. Their names form the janitor's own
   * namespace: they are selected only by a janitor configuration ({@code gordon-janitor.toml}, or
   * {@code janitor.plugins} in {@code gordon.toml}), where they win over a service plugin of the
   * same name or alias.
   */
  public boolean janitorOnly() {
    return this == AUTHORITY || this == ZONE_READER || this == EVENT_PUBLISHER;
  }
}
