package io.gordon.testing.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Changes and reads a test server's zone "by hand", as an operator or another tool would: plain
 * TSIG-signed RFC 2136 updates and a TSIG-signed AXFR. For tests of what gordon does to records it
 * did not write.
 */
public final class ZoneClient {
  private final DnsTestServer server;

  /** A client of {@code server}, signing with its key. */
  public ZoneClient(DnsTestServer server) {
    this.server = server;
  }

  /** Adds one record (presentation form, e.g. {@code "192.0.2.1"}) to {@code zone}. */
  public void add(String zone, String name, String type, int ttl, String rdata) {
    try {
      Update u = new Update(Name.fromString(zone));
      u.add(Name.fromString(name), Type.value(type), ttl, rdata);
      send(u);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the whole RRset {@code name}/{@code type} from {@code zone}. */
  public void delete(String zone, String name, String type) {
    try {
      Update u = new Update(Name.fromString(zone));
      u.delete(Name.fromString(name), Type.value(type));
      send(u);
    } catch (TextParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * The zone's records as {@code "name TYPE rdata"} lines (lower-case names, SOA left out), sorted,
   * from a TSIG-signed AXFR.
   */
  public Set<String> records(String zone) {
    try {
      ZoneTransferIn xfr = ZoneTransferIn.newAXFR(Name.fromString(zone), server.address(), tsig());
      xfr.run();
      Set<String> out = new TreeSet<>();
      for (Record r : xfr.getAXFR()) {
        if (r.getType() != Type.SOA) {
          out.add(
              r.getName().toString().toLowerCase(Locale.ROOT)
                  + " "
                  + Type.string(r.getType())
                  + " "
                  + r.rdataToString());
        }
      }
      return out;
    } catch (IOException | ZoneTransferException e) {
      throw new IllegalStateException("AXFR of " + zone + " from " + server + " failed: " + e, e);
    }
  }

  /** The lines of {@link #records} whose name is {@code name}. */
  public List<String> at(String zone, String name) {
    return records(zone).stream()
        .filter(l -> l.startsWith(name.toLowerCase(Locale.ROOT) + " "))
        .toList();
  }

  private TSIG tsig() {
    return new TSIG(TSIG.HMAC_SHA256, server.key().name(), server.key().secret());
  }

  private void send(Update u) {
    try {
      SimpleResolver r = new SimpleResolver(server.address());
      r.setTCP(true);
      r.setTSIGKey(tsig());
      Message m = r.send(u);
      if (m.getRcode() != Rcode.NOERROR) {
        throw new IllegalStateException("update answered " + Rcode.string(m.getRcode()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
