/**
 * The janitor's plugin kinds: what keeps zones right over time.
 *
 * <p>An {@link io.gordon.api.janitor.Authority} says what should exist: it lists the desired RRsets
 * of the zones it covers, with the time of its observation. The core's reconciler reads the live
 * zones (through a {@link io.gordon.api.plugin.DnsProvider}, or a {@link
 * io.gordon.api.janitor.ZoneReader} when the janitor only reads), diffs the RRsets gordon owns
 * against the authority's view, and sends the difference as ordinary events: through the configured
 * pipeline, or to an {@link io.gordon.api.janitor.EventPublisher} (e.g. a Pub/Sub topic a gordon
 * service consumes).
 *
 * <p>Janitor plugins are registered like every plugin, as {@link
 * io.gordon.api.plugin.PluginFactory} services, with a kind for which {@link
 * io.gordon.api.plugin.PluginKind#janitorOnly()} is true. Their names live in the janitor's own
 * namespace: in {@code gordon-janitor.toml} (and in {@code janitor.plugins}) a janitor plugin's
 * name wins over a service plugin's name or alias, as in the original, whose janitor plugins {@code
 * gcp.gce}, {@code gcp.gdns} and {@code gcp.gpubsub} were not the service's plugins of the same
 * names.
 */
package io.gordon.api.janitor;
