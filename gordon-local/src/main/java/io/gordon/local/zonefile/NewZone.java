package io.gordon.local.zonefile;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;

/** The contents of a zone gordon creates: an SOA, the apex NS and, if in zone, its address. */
final class NewZone {
  static final long SOA_TTL = 3600;

  private NewZone() {}

  static ZoneData create(String zone, ZoneFileSettings s, long serial) {
    String ns = s.primaryNs(zone);
    ZoneData data =
        new ZoneData(
            zone,
            new Soa(
                SOA_TTL,
                ns,
                s.hostmaster(zone),
                serial,
                3600,
                600,
                604800,
                Math.min(300, s.defaultTtl())),
            s.defaultTtl());
    data.put(RecordSet.of(zone, RecordType.NS, (int) SOA_TTL, ns));
    if (ZoneData.inZone(ns, zone) && s.nsAddress().isPresent()) {
      data.put(RecordSet.of(ns, RecordType.A, s.defaultTtl(), s.nsAddress().get()));
    }
    return data;
  }
}
