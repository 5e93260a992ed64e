package io.gordon.local.zonefile;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.CRC32C;

/**
 * What one acknowledged batch did to a zone, as kept in the zone's journal ({@link ZoneJournal}):
 * the resulting state of every RRset the batch touched (its records, or its absence). Applying an
 * entry is a blind write of those RRsets, so it gives the same zone whatever the ownership or
 * compare-and-swap checks would say on replay: they were decided when the batch was applied.
 *
 * <p>On disk an entry is one frame: payload length (4 bytes), sequence (8), payload, CRC-32C of
 * sequence and payload (4). A frame cut short by a crash, or whose checksum does not match, ends
 * the journal ({@link #decode}): its batch was never acknowledged, since an append returns only
 * after its fdatasync.
 *
 * @param sequence the entry's number, increasing by one per batch; the zone file's header names the
 *     last sequence it contains
 * @param effects the RRsets touched, in order
 */
record JournalEntry(long sequence, List<Effect> effects) {
  /** Bytes of a frame besides its payload: length, sequence and checksum. */
  static final int FRAME = 4 + 8 + 4;

  JournalEntry {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence " + sequence + " (expected >= 1)");
    }
    effects = List.copyOf(effects);
  }

  /** The state of one RRset after a batch. */
  sealed interface Effect {
    /** The RRset holds exactly these records. */
    record Put(RecordSet set) implements Effect {}

    /** The RRset no longer exists. */
    record Delete(String name, RecordType type) implements Effect {}
  }

  /** Writes the entry's effects into {@code zone}. */
  void applyTo(ZoneData zone) {
    for (Effect e : effects) {
      switch (e) {
        case Effect.Put p -> zone.put(p.set());
        case Effect.Delete d -> zone.remove(d.name(), d.type());
      }
    }
  }

  /** The entry as one frame. */
  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 128 * effects.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(0); // the payload's length, filled in below
      out.writeLong(sequence);
      out.writeInt(effects.size());
      for (Effect e : effects) {
        switch (e) {
          case Effect.Put p -> {
            out.writeByte(1);
            text(out, p.set().name());
            text(out, p.set().type().name());
            out.writeInt(p.set().ttl().orElse(-1));
            out.writeInt(p.set().rdata().size());
            for (String r : p.set().rdata()) {
              text(out, r);
            }
          }
          case Effect.Delete d -> {
            out.writeByte(0);
            text(out, d.name());
            text(out, d.type().name());
          }
        }
      }
      out.writeInt(0); // the checksum, filled in below
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    ByteBuffer frame = ByteBuffer.wrap(bytes.toByteArray());
    int payload = frame.capacity() - FRAME;
    frame.putInt(0, payload);
    CRC32C crc = new CRC32C();
    crc.update(frame.array(), 4, 8 + payload);
    frame.putInt(4 + 8 + payload, (int) crc.getValue());
    return frame.array();
  }

  /**
   * The entries read from a journal's bytes.
   *
   * @param entries the whole entries, in order
   * @param valid the bytes they take; what follows is a torn or foreign tail
   */
  record Decoded(List<JournalEntry> entries, long valid) {}

  /**
   * The whole entries at the start of {@code bytes}, stopping at the first frame that is cut short,
   * fails its checksum or does not follow the sequence.
   */
  static Decoded decode(ByteBuffer bytes) {
    List<JournalEntry> out = new ArrayList<>();
    long previous = 0;
    int at = 0;
    while (bytes.limit() - at >= FRAME) {
      int payload = bytes.getInt(at);
      if (payload < 4 || payload > bytes.limit() - at - FRAME) {
        break;
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes.slice(at + 4, 8 + payload));
      if ((int) crc.getValue() != bytes.getInt(at + 4 + 8 + payload)) {
        break;
      }
      long sequence = bytes.getLong(at + 4);
      if (sequence <= previous) {
        break;
      }
      try {
        out.add(new JournalEntry(sequence, effects(bytes.slice(at + 12, payload))));
      } catch (IOException | IllegalArgumentException e) {
        break; // a checksum collision on garbage: treat as the torn tail it is
      }
      previous = sequence;
      at += FRAME + payload;
    }
    return new Decoded(out, at);
  }

  private static List<Effect> effects(ByteBuffer payload) throws IOException {
    byte[] b = new byte[payload.remaining()];
    payload.get(b);
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b));
    int n = in.readInt();
    List<Effect> out = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) {
      byte kind = in.readByte();
      String name = text(in);
      RecordType type = RecordType.valueOf(text(in));
      if (kind == 0) {
        out.add(new Effect.Delete(name, type));
        continue;
      }
      int ttl = in.readInt();
      int count = in.readInt();
      List<String> rdata = new ArrayList<>(Math.min(count, 1 << 16));
      for (int r = 0; r < count; r++) {
        rdata.add(text(in));
      }
      out.add(
          new Effect.Put(
              new RecordSet(
                  name, type, ttl < 0 ? OptionalInt.empty() : OptionalInt.of(ttl), rdata)));
    }
    return out;
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("string of " + n + " bytes past the payload's end");
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }
}
