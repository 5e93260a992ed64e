package io.gordon.rfc2136;

import io.gordon.rfc2136.Rfc2136Settings.TcpMode;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Sends messages to the configured server: UPDATEs (UDP or TCP by size and {@code tcp}), queries
 * (UDP with EDNS, TCP when truncated) and AXFR, all signed with the TSIG key when one is
 * configured. Thread-safe; blocking calls meant to run on virtual threads.
 */
final class Rfc2136Client {
  /** Largest message sent over UDP without EDNS (RFC 1035). */
  static final int UDP_LIMIT = 512;

  /** Shared by every client of the process: dnsjava shares one TCP connection per server. */
  private static final MessageIds IDS = new MessageIds();

  private final Rfc2136Settings settings;
  private final TSIG tsig;
  private final SimpleResolver udp;
  private final SimpleResolver tcp;
  private final SimpleResolver query;

  /** {@code clock} times TSIG signatures (the server rejects a skew beyond 300 s: BADTIME). */
  Rfc2136Client(Rfc2136Settings settings, Clock clock) {
    this.settings = settings;
    this.tsig = settings.tsig().map(t -> tsig(t, clock)).orElse(null);
    this.udp = resolver(false);
    this.tcp = resolver(true);
    this.query = resolver(settings.tcp() == TcpMode.ALWAYS);
    query.setEDNS(0, 4096, 0, List.of());
  }

  private static TSIG tsig(TsigSettings t, Clock clock) {
    byte[] secret = Base64.getDecoder().decode(t.secret().reveal().trim());
    return new TSIG(
        TSIG.algorithmToName(t.algorithm()),
        Records.name(absolute(t.keyName())),
        new SecretKeySpec(secret, "HmacSHA256"),
        clock);
  }

  private static String absolute(String name) {
    return name.endsWith(".") ? name : name + ".";
  }

  private SimpleResolver resolver(boolean useTcp) {
    SimpleResolver r = new SimpleResolver(settings.server());
    r.setTimeout(settings.timeout());
    r.setTCP(useTcp);
    if (tsig != null) {
      r.setTSIGKey(tsig);
    }
    return r;
  }

  /** Whether messages are signed. */
  boolean signed() {
    return tsig != null;
  }

  /** The size of {@code message} on the wire once signed. */
  int wireSize(Message message) {
    return message.toWire().length + (tsig == null ? 0 : tsig.recordLength());
  }

  /** Sends an UPDATE (or any message) and returns the answer. */
  Message send(Message message) throws IOException {
    return send(message, settings.tcp() == TcpMode.AUTO ? wireSize(message) : 0);
  }

  /** Sends a message whose signed size is {@code wireSize} (computed once by the caller). */
  Message send(Message message, int wireSize) throws IOException {
    boolean useTcp =
        switch (settings.tcp()) {
          case ALWAYS -> true;
          case NEVER -> false;
          case AUTO -> wireSize > UDP_LIMIT;
        };
    return send(useTcp ? tcp : udp, message);
  }

  /**
   * Sends {@code message} with an id no other message of this process has in flight. Concurrent
   * callers share dnsjava's one TCP connection to the server (pipelining: the server answers in any
   * order, matched by id), which is why several UPDATEs, also from concurrent {@code apply} calls,
   * can be in flight without a connection each.
   */
  private Message send(SimpleResolver resolver, Message message) throws IOException {
    int id = IDS.take();
    try {
      message.getHeader().setID(id);
      return resolver.send(message);
    } finally {
      IDS.release(id);
    }
  }

  /** Queries {@code name}/{@code type} and returns the answer. */
  Message query(Name name, int type) throws IOException {
    return send(query, Message.newQuery(Record.newRecord(name, type, DClass.IN)));
  }

  /** Transfers {@code zone} (AXFR over TCP). */
  List<Record> axfr(Name zone) throws IOException, ZoneTransferException {
    ZoneTransferIn xfr = ZoneTransferIn.newAXFR(zone, settings.server(), tsig);
    xfr.setTimeout(settings.timeout().multipliedBy(4));
    xfr.run();
    return xfr.getAXFR();
  }
}
