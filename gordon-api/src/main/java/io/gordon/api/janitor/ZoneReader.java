package io.gordon.api.janitor;

import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.RecordReader;

/**
 * Reads live zones for a janitor that does not write them itself, e.g. the original's {@code
 * gcp.gdns} reconciler in {@code gordon-janitor.toml}, which read Cloud DNS and sent its changes to
 * Pub/Sub. Created by a factory of kind {@link io.gordon.api.plugin.PluginKind#ZONE_READER}. Unlike
 * a {@link io.gordon.api.plugin.DnsProvider} it has no fixed zone list: it reads whatever zone an
 * authority names. {@link RecordReader#list} must return every RRset of the zone (all pages) or
 * throw; a partial list would make the janitor delete what it did not see.
 *
 * @since 1.1
 */
public interface ZoneReader extends GordonPlugin, RecordReader {}
