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
 * marker names. Nor does it write data a server never serves: at a delegation (an NS RRset below
 * the apex) other than its NS, or below one, where servers answer with a referral to the child
 * zone. The glue names and delegations of a zone are read from the provider and kept for one
 * window. Thread-safe.
 */
final class Protection {
  private final OwnershipSettings settings;
  private final RecordReader reader;
  private final Clock clock;
  private final Map<String, Delegations> delegations = new ConcurrentHashMap<>();

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
    Delegations d = delegations(zone);
    if ((c.type() == RecordType.A || c.type() == RecordType.AAAA) && d.glue.contains(c.name())) {
      return refuse(
          what
              + " is protected: it is glue (the address of name server "
              + c.name()
              + " of zone "
              + zone
              + "); not changed");
    }
    Optional<String> cut = c instanceof Change.Replace ? d.occluding(c) : Optional.empty();
    if (cut.isPresent()) {
      return refuse(
          what
              + " is refused: "
              + (cut.get().equals(c.name()) ? "it is at" : "it is below")
              + " the delegation "
              + cut.get()
              + " NS of zone "
              + zone
              + ", where servers answer with a referral to the child zone, never with this"
              + " record; not changed (write it in the child zone)");
    }
    return Optional.empty();
  }

  /** Forgets the glue names and delegations of {@code zone}, e.g. after an NS change. */
  void forget(String zone) {
    delegations.remove(zone);
  }

  private Delegations delegations(String zone) {
    Instant now = clock.instant();
    Delegations d = delegations.get(zone);
    if (d != null && now.isBefore(d.readAt.plus(settings.window()))) {
      return d;
    }
    Set<String> names = new HashSet<>();
    Set<String> cuts = new HashSet<>();
    try {
      reader.read(zone, RecordType.NS).ifPresent(ns -> addTargets(names, ns, zone));
      for (RecordSet r : reader.list(zone)) {
        if (r.type() == RecordType.NS) {
          addTargets(names, r, zone);
          if (!r.name().equals(zone)) {
            cuts.add(r.name());
          }
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
    d = new Delegations(Set.copyOf(names), Set.copyOf(cuts), now);
    delegations.put(zone, d);
    return d;
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

  /**
   * What the zone's NS records say: the in-zone name server names (glue) and the delegation points,
   * as read at {@code readAt}.
   */
  private record Delegations(Set<String> glue, Set<String> cuts, Instant readAt) {
    /** The delegation that hides {@code c}'s RRset from every answer, if one does. */
    Optional<String> occluding(Change c) {
      if (cuts.isEmpty()) {
        return Optional.empty();
      }
      if (cuts.contains(c.name()) && c.type() != RecordType.NS) {
        return Optional.of(c.name());
      }
      String name = c.name();
      for (int dot = name.indexOf('.'); dot >= 0 && dot < name.length() - 1; ) {
        String above = name.substring(dot + 1);
        if (cuts.contains(above)) {
          return Optional.of(above);
        }
        dot = name.indexOf('.', dot + 1);
      }
      return Optional.empty();
    }
  }
}
