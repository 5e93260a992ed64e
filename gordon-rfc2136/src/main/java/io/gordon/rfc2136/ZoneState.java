package io.gordon.rfc2136;

import io.gordon.api.ProviderException;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.rfc2136.Rfc2136ErrorMapper.Subject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;
import org.xbill.DNS.ZoneTransferException;

/** Reads live data from the server: single RRsets by query, whole zones by AXFR, and checks. */
final class ZoneState {
  private final Rfc2136Settings settings;
  private final Rfc2136Client client;
  private final Rfc2136ErrorMapper errors;

  ZoneState(Rfc2136Settings settings, Rfc2136Client client, Rfc2136ErrorMapper errors) {
    this.settings = settings;
    this.client = client;
    this.errors = errors;
  }

  /** The RRset {@code s.name()}/{@code type}; throws a {@link ProviderException} on failure. */
  Optional<RecordSet> read(Subject s, RecordType type) {
    Message response = query(s, Records.name(s.name()), Records.type(type));
    List<Record> rrs =
        response.getSection(Section.ANSWER).stream()
            .filter(
                r ->
                    r.getType() == Records.type(type)
                        && r.getName().toString().equalsIgnoreCase(s.name()))
            .toList();
    return rrs.isEmpty() ? Optional.empty() : Optional.of(Records.toRecordSet(rrs));
  }

  /** Every record at {@code name}, e.g. {@code "A 192.0.2.1, TXT \"x\""}, for messages. */
  String describeName(String name) {
    try {
      Message m = client.query(Records.name(name), Type.ANY);
      String found =
          m.getSection(Section.ANSWER).stream()
              .map(r -> Type.string(r.getType()) + " " + r.rdataToString())
              .collect(Collectors.joining(", "));
      return found.isEmpty() ? "records not listed by the server" : found;
    } catch (IOException e) {
      return "records that could not be listed: " + e.getMessage();
    }
  }

  /** The zone's RRsets by AXFR, without SOA and apex NS. */
  List<RecordSet> list(String zone) {
    Name apex = Records.name(zone);
    List<Record> records;
    try {
      records = client.axfr(apex);
    } catch (ZoneTransferException e) {
      throw new ProviderException(
          settings.plugin(),
          zone,
          "",
          "",
          false,
          "zone transfer (AXFR)"
              + " of "
              + zone
              + " from "
              + settings.serverText()
              + " failed: "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw errors.forIo(e, Subject.zone(zone));
    }
    List<Record> kept = new ArrayList<>();
    for (Record r : records) {
      boolean apexNs = r.getType() == Type.NS && r.getName().equals(apex);
      if (r.getType() != Type.SOA && !apexNs) {
        kept.add(r);
      }
    }
    return Records.group(kept);
  }

  /**
   * Confirms, for every zone, that the server answers its SOA authoritatively (signed answers
   * verified) and accepts an UPDATE from this key (one with a prerequisite only, which changes
   * nothing). Throws one {@link ProviderException} listing every failure.
   */
  void check() {
    List<ProviderException> failures = new ArrayList<>();
    for (String zone : settings.zones()) {
      try {
        checkZone(zone);
      } catch (ProviderException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      String all = failures.stream().map(Throwable::getMessage).collect(Collectors.joining("; "));
      ProviderException e =
          new ProviderException(
              settings.plugin(),
              "",
              "",
              "",
              failures.stream().allMatch(ProviderException::retriable),
              all,
              failures.get(0));
      failures.stream().skip(1).forEach(e::addSuppressed);
      throw e;
    }
  }

  private void checkZone(String zone) {
    Subject s = Subject.zone(zone);
    Name apex = Records.name(zone);
    Message soa = query(s, apex, Type.SOA);
    if (soa.getSection(Section.ANSWER).stream().noneMatch(r -> r.getType() == Type.SOA)
        || !soa.getHeader().getFlag(Flags.AA)) {
      throw new ProviderException(
          settings.plugin(),
          zone,
          "",
          "",
          false,
          settings.serverText()
              + " is not authoritative for zone "
              + zone
              + " (no SOA in an authoritative answer)",
          null);
    }
    Update probe = new Update(apex);
    probe.addRecord(Record.newRecord(apex, Type.ANY, DClass.ANY, 0), Section.PREREQ);
    Message answer;
    try {
      answer = client.send(probe);
    } catch (IOException e) {
      throw errors.forIo(e, s);
    }
    verify(answer, s);
  }

  private Message query(Subject s, Name name, int type) {
    Message response;
    try {
      response = client.query(name, type);
    } catch (IOException e) {
      throw errors.forIo(e, s);
    }
    int rcode = response.getRcode();
    if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
      throw errors.forResponse(response, s);
    }
    verify(response, s);
    return response;
  }

  private void verify(Message response, Subject s) {
    if (response.getRcode() != Rcode.NOERROR && response.getRcode() != Rcode.NXDOMAIN
        || Rfc2136ErrorMapper.tsigError(response).isPresent()) {
      throw errors.forResponse(response, s);
    }
    if (client.signed() && !response.isVerified()) {
      throw errors.unverified(s);
    }
  }
}
