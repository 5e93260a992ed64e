package io.gordon.local.zonefile;

import io.gordon.api.model.RecordType;
import java.util.List;
import java.util.Optional;

/**
 * The rules whose breach makes BIND's {@code named-checkzone} (and so the server) refuse a whole
 * zone, checked in memory before a file is renamed into place: every in-zone name server of the
 * apex NS has an address (A or AAAA) and is not a CNAME. (A CNAME next to other data is refused
 * change by change in {@link ZoneEditor}.) Checks only the apex NS targets, so its cost does not
 * grow with the zone.
 */
final class ZoneCheck {
  private ZoneCheck() {}

  /** Why a server would refuse {@code zone}, or empty when it would load it. */
  static Optional<String> problem(ZoneData zone) {
    for (String ns : zone.apexNsTargets()) {
      Optional<String> p = nameServerProblem(zone, ns);
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  /** Why {@code ns}, an in-zone apex name server, would make the zone unloadable, if it would. */
  static Optional<String> nameServerProblem(ZoneData zone, String ns) {
    if (zone.has(ns, RecordType.CNAME)) {
      return Optional.of(
          "the name server "
              + ns
              + " of "
              + zone.origin()
              + " (apex NS) would be"
              + " a CNAME; named-checkzone refuses such a zone");
    }
    if (!zone.has(ns, RecordType.A) && !zone.has(ns, RecordType.AAAA)) {
      return Optional.of(
          "the name server "
              + ns
              + " of "
              + zone.origin()
              + " (apex NS) would"
              + " have no address (A or AAAA); named-checkzone refuses such a zone");
    }
    return Optional.empty();
  }

  /** Whether {@code name} is an in-zone name server of the apex NS. */
  static boolean isApexNameServer(ZoneData zone, String name) {
    List<String> targets = zone.apexNsTargets();
    return targets.contains(name);
  }
}
