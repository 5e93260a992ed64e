package io.gordon.api.janitor;

import io.gordon.api.plugin.GordonPlugin;
import java.util.Set;

/**
 * What should exist in DNS: the source of truth the janitor reconciles the live zones with, e.g.
 * the instances of GCE projects or an inventory file. Created by a {@link
 * io.gordon.api.plugin.PluginFactory} of kind {@link io.gordon.api.plugin.PluginKind#AUTHORITY}.
 *
 * <p>Contract. {@link #zones()} names the zones the authority covers, before any observation: the
 * janitor reads those zones live first and observes second, so that whatever changes live after its
 * read makes its compare-and-swap changes fail instead of undoing the newer change. {@link
 * #observe()} returns a view of those zones (a zone it leaves out is treated as not seen: nothing
 * is changed there). When it cannot see part of its scope it must say so: either by throwing (the
 * janitor run fails and changes nothing) or by marking the zones concerned incomplete with {@link
 * DesiredZone#complete()} = false (the janitor then adds and replaces in them but never deletes).
 * An authority must never return a zone as complete when a listing failed: the janitor would delete
 * what it did not see. Called from one thread at a time; may block on the network.
 *
 * @since 1.1
 */
public interface Authority extends GordonPlugin {
  /** The zones this authority covers: absolute, lower case; fixed for the plugin's lifetime. */
  Set<String> zones();

  /**
   * Observes the desired state now.
   *
   * @return the zones covered, each with its desired RRsets, and the time of the observation
   * @throws io.gordon.api.GordonException when the authority cannot tell what is desired; the
   *     message names what failed (e.g. the project and the API's answer)
   */
  Observation observe();
}
