package io.gordon.core.ownership;

import io.gordon.api.OwnershipException;
import io.gordon.api.ProviderException;
import io.gordon.api.RetriableException;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.RecordReader;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records gordon never changes, whoever owns them: the apex SOA and NS of a zone (SOA is not
 * even a type gordon can express), glue (A and AAAA at the in-zone targets of the zone's NS
 * records, apex and delegations), the names of {@code core.ownership.protected}, and the reserved
 * marker names. The glue names of a zone are read from the provider and kept for one window.
 * Thread-safe.
 */
final class Protection {
  private final OwnershipSettings settings;
  private final RecordReader reader;
  private final Clock clock;
  private final Map<String, Glue> glue = new ConcurrentHashMap<>();

  Protection(OwnershipSettings settings, RecordReader reader, Clock clock) {
    this.settings = settings;
    this.reader = reader;
    this.clock = clock;
  }

  /**
   * Why {@code c} in {@code zone} must not be applied, if it must not.
   *
   * @throws RetriableException when the zone's name servers cannot be read to rule out glue; a
   *     {@link ProviderException} naming only the zone when the provider said why
   */
  Optional<OwnershipException> refusal(Change c, String zone) {
    String what = c.name() + " " + c.type();
    if (OwnerMarker.isReserved(c.name())) {
      return refuse(
          what
              + " is refused: names starting with "
              + OwnerMarker.PREFIX
              + " are reserved for gordon's owner markers");
    }
    if (c.name().equals(zone) && c.type() == RecordType.NS) {
      return refuse(
          what
              + " is protected: gordon never changes the SOA and NS records at the"
              + " apex of zone "
              + zone
              + "; not changed");
    }
    Optional<NamePattern> listed = NamePattern.firstMatch(settings.protectedNames(), c.name());
    if (listed.isPresent()) {
      return refuse(
          what
              + " is protected by core.ownership.protected (\""
              + listed.get().text()
              + "\"); not changed");
    }
    if ((c.type() == RecordType.A || c.type() == RecordType.AAAA)
        && glueNames(zone).contains(c.name())) {
      return refuse(
          what
              + " is protected: it is glue (the address of name server "
              + c.name()
              + " of zone "
              + zone
              + "); not changed");
    }
    return Optional.empty();
  }

  /** Forgets the glue names of {@code zone}, e.g. after an NS change. */
  void forget(String zone) {
    glue.remove(zone);
  }

  private Set<String> glueNames(String zone) {
    Instant now = clock.instant();
    Glue g = glue.get(zone);
    if (g != null && now.isBefore(g.readAt.plus(settings.window()))) {
      return g.names;
    }
    Set<String> names = new HashSet<>();
    try {
      reader.read(zone, RecordType.NS).ifPresent(ns -> addTargets(names, ns, zone));
      for (RecordSet r : reader.list(zone)) {
        if (r.type() == RecordType.NS) {
          addTargets(names, r, zone);
        }
      }
    } catch (ProviderException e) {
      // The zone as a whole, as retriable as the provider said (a server that does not serve
      // the zone refuses for good): the router reports the zone's readiness from it.
      throw new ProviderException(
          e.provider(), zone, "", "", e.retriable(), cannotRead(zone, e), e);
    } catch (RuntimeException e) {
      throw new RetriableException(cannotRead(zone, e), e);
    }
    glue.put(zone, new Glue(Set.copyOf(names), now));
    return names;
  }

  private static String cannotRead(String zone, RuntimeException e) {
    return "cannot read the name servers of zone " + zone + " to rule out glue: " + e.getMessage();
  }

  private static void addTargets(Set<String> names, RecordSet ns, String zone) {
    for (String target : ns.rdata()) {
      if (DnsNames.isInZone(target, zone)) {
        names.add(target);
      }
    }
  }

  private static Optional<OwnershipException> refuse(String message) {
    return Optional.of(new OwnershipException(message));
  }

  private record Glue(Set<String> names, Instant readAt) {}
}
