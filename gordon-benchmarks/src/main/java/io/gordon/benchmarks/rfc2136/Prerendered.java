package io.gordon.benchmarks.rfc2136;

import io.gordon.testing.dns.TsigKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Update;

/**
 * UPDATE messages as octets, unsigned, ready to be signed and framed for TCP before a measurement's
 * clock starts ({@link #signed}): what {@link PipelinedSender} sends without doing any work of its
 * own.
 *
 * @param wires each message's octets without TSIG
 */
record Prerendered(List<byte[]> wires) {
  Prerendered {
    wires = List.copyOf(wires);
    if (wires.isEmpty()) {
      throw new IllegalArgumentException("no UPDATE messages to send");
    }
  }

  /**
   * The messages a client sent, as {@link UpdateRecorder} kept them, with their TSIG record taken
   * off (the last additional record, which {@link #signed} writes again with a fresh time and id).
   */
  static Prerendered unsign(List<byte[]> recorded) throws IOException {
    List<byte[]> out = new ArrayList<>(recorded.size());
    for (byte[] wire : recorded) {
      TSIGRecord signature = new Message(wire).getTSIG();
      if (signature == null) {
        out.add(wire);
        continue;
      }
      byte[] unsigned =
          Arrays.copyOf(wire, wire.length - signature.toWire(Section.ADDITIONAL).length);
      int additional = ((unsigned[10] & 0xFF) << 8 | (unsigned[11] & 0xFF)) - 1;
      unsigned[10] = (byte) (additional >>> 8);
      unsigned[11] = (byte) additional;
      if (new Message(unsigned).getTSIG() != null) {
        throw new IOException("the TSIG record is not the message's last record");
      }
      out.add(unsigned);
    }
    return new Prerendered(out);
  }

  /** nsupdate's plain adds ({@link NsupdateRun.Shape#PLAIN}) built with dnsjava. */
  static Prerendered plainAdds(String prefix, int n, int perMessage, String zone)
      throws IOException {
    Name origin = Name.fromString(zone);
    List<byte[]> out = new ArrayList<>();
    for (int from = 0; from < n; from += perMessage) {
      Update update = new Update(origin);
      for (int i = from; i < Math.min(n, from + perMessage); i++) {
        update.add(
            new ARecord(
                Name.fromString(Workload.name(prefix, i, zone)),
                DClass.IN,
                300,
                java.net.InetAddress.getByName(Workload.address(i))));
      }
      out.add(update.toWire());
    }
    return new Prerendered(out);
  }

  /**
   * Each message with id {@code i} (its position, modulo 2^16), signed now with {@code key} the way
   * the provider signs (Rfc2136Client: the octets as they are, the signature appended), and
   * prefixed with its TCP length.
   */
  List<byte[]> signed(TsigKey key) throws IOException {
    TSIG tsig = new TSIG(key.algorithm(), key.name(), key.secret());
    List<byte[]> out = new ArrayList<>(wires.size());
    for (int i = 0; i < wires.size(); i++) {
      byte[] wire = wires.get(i).clone();
      wire[0] = (byte) (i >>> 8);
      wire[1] = (byte) i;
      Message header = new Message(wire);
      byte[] record = tsig.generate(header, wire, Rcode.NOERROR, null).toWire(Section.ADDITIONAL);
      byte[] framed = new byte[2 + wire.length + record.length];
      int length = framed.length - 2;
      if (length > Message.MAXLENGTH) {
        throw new IOException("UPDATE " + i + " of " + length + " octets exceeds TCP's 65535");
      }
      framed[0] = (byte) (length >>> 8);
      framed[1] = (byte) length;
      System.arraycopy(wire, 0, framed, 2, wire.length);
      System.arraycopy(record, 0, framed, 2 + wire.length, record.length);
      int additional = ((wire[10] & 0xFF) << 8 | (wire[11] & 0xFF)) + 1;
      framed[12] = (byte) (additional >>> 8);
      framed[13] = (byte) additional;
      out.add(framed);
    }
    return out;
  }

  /** The messages' total octets, unsigned. */
  long octets() {
    return wires.stream().mapToLong(w -> w.length).sum();
  }
}
