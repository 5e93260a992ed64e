package io.gordon.rfc2136;

import io.gordon.rfc2136.Rfc2136Settings.TcpMode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.crypto.spec.SecretKeySpec;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;
import org.xbill.DNS.io.DefaultIoClientFactory;
import org.xbill.DNS.io.TcpIoClient;

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

  /** dnsjava's TCP client: one connection per server, shared with its resolvers. */
  private static final TcpIoClient TCP = new DefaultIoClientFactory().createOrGetTcpClient();

  private final Rfc2136Settings settings;
  private final TSIG tsig;
  private final SimpleResolver udp;
  private final SimpleResolver query;

  /** {@code clock} times TSIG signatures (the server rejects a skew beyond 300 s: BADTIME). */
  Rfc2136Client(Rfc2136Settings settings, Clock clock) {
    this.settings = settings;
    this.tsig = settings.tsig().map(t -> tsig(t, clock)).orElse(null);
    this.udp = resolver(false);
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

  /**
   * {@code message} rendered once, unsigned, with its size once signed: the size decides whether it
   * may be sent at all (dnsjava would cut an over-size UPDATE short without a word) and over which
   * transport; {@link #send(Rendered)} then sends these octets instead of rendering again.
   */
  Rendered render(Message message) {
    byte[] wire = message.toWire();
    return new Rendered(message, wire, signedSize(wire), true);
  }

  /**
   * The UPDATE of {@code zone} that {@code wire} holds (written by {@link UpdateWire}), for {@link
   * #send(Rendered)}: no dnsjava message is built for it but a header and zone section, which the
   * TCP exchange and the signature read (its id).
   */
  Rendered render(String zone, byte[] wire) {
    Message header = new Message();
    header.getHeader().setOpcode(Opcode.UPDATE);
    header.addRecord(Record.newRecord(Records.name(zone), Type.SOA, DClass.IN), Section.ZONE);
    return new Rendered(header, wire, signedSize(wire), false);
  }

  private int signedSize(byte[] wire) {
    return wire.length + (tsig == null ? 0 : tsig.recordLength());
  }

  /**
   * A message as {@link #render} made it.
   *
   * @param message the message, or only its header and zone section when not {@code whole}
   * @param wire its octets, unsigned, before an id is given
   * @param size its size once signed
   * @param whole whether {@code message} holds every record of {@code wire}
   */
  record Rendered(Message message, byte[] wire, int size, boolean whole) {}

  /** Sends an UPDATE (or any message) and returns the answer. */
  Message send(Message message) throws IOException {
    return send(render(message));
  }

  /**
   * Sends a rendered message: over TCP its octets as rendered, signed here; over UDP (small
   * messages only) through dnsjava's resolver, which renders it again.
   */
  Message send(Rendered rendered) throws IOException {
    boolean useTcp =
        switch (settings.tcp()) {
          case ALWAYS -> true;
          case NEVER -> false;
          case AUTO -> rendered.size() > UDP_LIMIT;
        };
    if (useTcp) {
      return sendTcp(rendered);
    }
    return send(udp, rendered.whole() ? rendered.message() : new Message(rendered.wire()));
  }

  /**
   * Sends the rendered octets over dnsjava's shared TCP connection with a fresh id (see {@link
   * #send(SimpleResolver, Message)}), signed, and verifies the answer's signature as dnsjava's
   * resolver would: one rendering per message instead of two.
   */
  private Message sendTcp(Rendered rendered) throws IOException {
    int id = IDS.take();
    try {
      Message message = rendered.message();
      message.getHeader().setID(id);
      byte[] wire = rendered.wire().clone();
      wire[0] = (byte) (id >>> 8);
      wire[1] = (byte) id;
      TSIGRecord signature = null;
      if (tsig != null) {
        signature = tsig.generate(message, wire, Rcode.NOERROR, null);
        wire = append(wire, signature);
      }
      if (wire.length > Message.MAXLENGTH) {
        throw new IOException(
            "UPDATE of " + wire.length + " octets exceeds the " + Message.MAXLENGTH + " of TCP");
      }
      byte[] answer =
          await(TCP.sendAndReceiveTcp(null, settings.server(), message, wire, settings.timeout()));
      Message response = new Message(answer);
      if (response.getHeader().getID() != id) {
        throw new WireParseException(
            "answer id " + response.getHeader().getID() + " is not the message's " + id);
      }
      if (signature != null) {
        tsig.verify(response, answer, signature);
      }
      return response;
    } finally {
      IDS.release(id);
    }
  }

  /** {@code wire} with {@code signature} added as its last additional record (RFC 8945 5.1). */
  private static byte[] append(byte[] wire, TSIGRecord signature) {
    byte[] record = signature.toWire(Section.ADDITIONAL);
    byte[] out = Arrays.copyOf(wire, wire.length + record.length);
    System.arraycopy(record, 0, out, wire.length, record.length);
    int additional = ((out[10] & 0xFF) << 8 | (out[11] & 0xFF)) + 1;
    out[10] = (byte) (additional >>> 8);
    out[11] = (byte) additional;
    return out;
  }

  /**
   * The TCP exchange's answer; its failure as the {@link IOException} dnsjava's resolver throws.
   */
  private byte[] await(CompletableFuture<byte[]> exchange) throws IOException {
    try {
      return exchange.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while awaiting " + settings.server());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    }
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
