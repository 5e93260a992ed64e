package io.gordon.rfc2136;

import io.gordon.api.ProviderException;
import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIGRecord;

/**
 * The one place where server answers and I/O failures become gordon errors. REFUSED, NOTAUTH, the
 * TSIG errors (BADSIG, BADKEY, BADTIME...), FORMERR, NOTZONE and NOTIMP are permanent; SERVFAIL,
 * timeouts, unreachable servers and unverifiable answers are retriable. A REFUSED update that the
 * key may make is the server's data check, not a permission problem ({@link #refusedContent}).
 * Prerequisite failures are conflicts, described by {@link Conflicts}.
 */
final class Rfc2136ErrorMapper {
  private final Rfc2136Settings settings;

  Rfc2136ErrorMapper(Rfc2136Settings settings) {
    this.settings = settings;
  }

  /** Whether {@code rcode} is a failed prerequisite (RFC 2136 section 3.2). */
  static boolean prerequisiteFailed(int rcode) {
    return rcode == Rcode.NXRRSET
        || rcode == Rcode.YXRRSET
        || rcode == Rcode.NXDOMAIN
        || rcode == Rcode.YXDOMAIN;
  }

  /**
   * Whether one change of a batch may have caused {@code response}'s error, so that splitting the
   * batch isolates it; TSIG, server and transport errors concern every change alike.
   */
  static boolean mayBeOneChange(Message response) {
    int rcode = response.getRcode();
    return tsigError(response).isEmpty()
        && (prerequisiteFailed(rcode)
            || rcode == Rcode.REFUSED
            || rcode == Rcode.FORMERR
            || rcode == Rcode.NOTZONE);
  }

  /** The TSIG error the server reported, e.g. {@code BADSIG}. */
  static Optional<String> tsigError(Message response) {
    TSIGRecord t = response.getTSIG();
    if (t == null || t.getError() == Rcode.NOERROR) {
      return Optional.empty();
    }
    return Optional.of(Rcode.TSIGstring(t.getError()));
  }

  /** The error for a non-NOERROR answer that is not a prerequisite failure. */
  ProviderException forResponse(Message response, Subject s) {
    String server = settings.serverText();
    Optional<String> tsigError = tsigError(response);
    if (tsigError.isPresent()) {
      return permanent(
          s,
          "TSIG key '"
              + keyName()
              + "' rejected by "
              + server
              + ": "
              + tsigError.get()
              + tsigHint(tsigError.get()));
    }
    int rcode = response.getRcode();
    String what = s.describe();
    if (response.getHeader().getOpcode() == Opcode.QUERY
        && (rcode == Rcode.REFUSED || rcode == Rcode.NOTAUTH)) {
      // A read (the glue check, a compare-and-swap's current value), not an update: the
      // server's update policy is not the cause, the zone's presence or its allow-query is.
      return permanent(
          s,
          server
              + " refused the query for "
              + what
              + " ("
              + Rcode.string(rcode)
              + "): it does not serve zone "
              + s.zone()
              + ", or its allow-query does not permit "
              + whoAsks()
              + " (list only zones the server is primary for in rfc2136.zones)");
    }
    return switch (rcode) {
      case Rcode.REFUSED ->
          permanent(
              s,
              server
                  + " refused the update of "
                  + what
                  + " (REFUSED): its allow-update or update-policy does not permit "
                  + whoAsks());
      case Rcode.NOTAUTH ->
          permanent(
              s,
              server
                  + " answered NOTAUTH for "
                  + what
                  + ": "
                  + whoAsks()
                  + " may not update zone "
                  + s.zone()
                  + ", or the server is not authoritative for it");
      case Rcode.SERVFAIL -> retriable(s, server + " answered SERVFAIL for " + what, null);
      case Rcode.FORMERR ->
          permanent(s, server + " rejected the update of " + what + " as malformed (FORMERR)");
      case Rcode.NOTZONE ->
          permanent(
              s,
              server + " answered NOTZONE for " + what + ": a name is not within zone " + s.zone());
      case Rcode.NOTIMP -> permanent(s, server + " does not implement dynamic updates (NOTIMP)");
      default -> permanent(s, server + " answered " + Rcode.string(rcode) + " for " + what);
    };
  }

  /**
   * The error for a REFUSED update when the server refuses even an update that changes nothing:
   * retriable, because BIND answers exactly so while the zone is frozen ({@code rndc freeze}, the
   * documented way to edit it by hand) and takes updates again after {@code rndc thaw}; a policy
   * that does not let the key in fails the same way, and its events are dead-lettered once
   * core.retry.deadline has passed.
   */
  ProviderException zoneRefused(Subject s) {
    return retriable(
        s,
        settings.serverText()
            + " refused the update of "
            + s.describe()
            + " (REFUSED) and refuses every update of the zone from "
            + whoAsks()
            + ": the zone is frozen (BIND: rndc freeze, then rndc thaw; Knot: knotc zone-freeze,"
            + " then zone-thaw), or its allow-update or update-policy does not permit "
            + whoAsks()
            + "; retrying",
        null);
  }

  /**
   * The error for a REFUSED update although the key may update the zone: the server refused the
   * data the change would leave, e.g. BIND's "post update name server sanity check failed".
   */
  ProviderException refusedContent(Subject s) {
    return permanent(
        s,
        settings.serverText()
            + " refused the update of "
            + s.describe()
            + " (REFUSED) although "
            + whoAsks()
            + " may update zone "
            + s.zone()
            + ": the server's"
            + " checks rejected the resulting data (BIND logs \"post update name server sanity check"
            + " failed\" for NS records whose in-zone name server has no address record, and"
            + " check-integrity refuses an MX or SRV whose in-zone target has none); add the"
            + " target's A/AAAA record first");
  }

  /** What an operator checks for each TSIG error, after its name. */
  private String tsigHint(String error) {
    String algorithm = settings.tsig().map(TsigSettings::algorithm).orElse("");
    return switch (error) {
      case "BADKEY" ->
          " (the server knows no key of this name and algorithm "
              + algorithm
              + ": tsig_key_name and tsig_algorithm must match the server's key statement)";
      case "BADSIG" ->
          " (the signature does not verify: tsig_secret differs from the server's secret for"
              + " this key)";
      case "BADTIME" ->
          " (the clocks of gordon's host and the server differ by more than the 300 s the"
              + " signature allows: synchronise them, e.g. with NTP)";
      default -> "";
    };
  }

  /** The error for an answer whose TSIG signature does not verify. */
  ProviderException unverified(Subject s) {
    return retriable(
        s,
        "the answer of "
            + settings.serverText()
            + " for "
            + s.describe()
            + " failed TSIG verification with key '"
            + keyName()
            + "'",
        null);
  }

  /** The error for a failed exchange: timeout or unreachable server. Always retriable. */
  ProviderException forIo(IOException e, Subject s) {
    if (isTimeout(e)) {
      return retriable(
          s,
          "no answer from "
              + settings.serverText()
              + " within "
              + settings.timeout().toMillis()
              + " ms for "
              + s.describe(),
          e);
    }
    String why =
        e instanceof PortUnreachableException
            ? "port unreachable"
            : Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
    return retriable(
        s, "cannot reach " + settings.serverText() + " for " + s.describe() + ": " + why, e);
  }

  /** dnsjava reports a timeout as an IOException wrapping a {@code TimeoutException}. */
  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private String keyName() {
    return settings.tsig().map(TsigSettings::keyName).orElse("");
  }

  private String whoAsks() {
    return settings
        .tsig()
        .map(t -> "key '" + t.keyName() + "'")
        .orElse("unsigned updates (configure tsig_key_name and tsig_secret)");
  }

  /** One change whose UPDATE of {@code octets} no DNS message can carry: permanent. */
  ProviderException tooLarge(Subject s, int octets) {
    return permanent(
        s,
        "the UPDATE for "
            + s.describe()
            + " takes "
            + octets
            + " octets, more than one DNS message carries ("
            + UpdateSender.TCP_LIMIT
            + " with room for the TSIG signature); not sent");
  }

  private ProviderException permanent(Subject s, String message) {
    return new ProviderException(
        settings.plugin(), s.zone(), s.name(), s.type(), false, message, null);
  }

  private ProviderException retriable(Subject s, String message, Throwable cause) {
    return new ProviderException(
        settings.plugin(), s.zone(), s.name(), s.type(), true, message, cause);
  }

  /**
   * What a message was about: a zone, and a name and type when it carried one change.
   *
   * @param zone the zone
   * @param name the record name or an empty string
   * @param type the record type or an empty string
   */
  record Subject(String zone, String name, String type) {
    static Subject zone(String zone) {
      return new Subject(zone, "", "");
    }

    String describe() {
      return name.isEmpty() ? "zone " + zone : name + "/" + type + " (zone " + zone + ")";
    }
  }
}
