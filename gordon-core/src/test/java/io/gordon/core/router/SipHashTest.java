package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SipHashTest {
  /** The reference test key: bytes 00 01 .. 0f. */
  private static final long K0 = 0x0706050403020100L;

  private static final long K1 = 0x0f0e0d0c0b0a0908L;

  /**
   * The reference implementation's {@code vectors_sip128}: SipHash-2-4, 128-bit output, of the
   * message 00 01 02 .. (n - 1). A string whose UTF-16LE bytes are that message exists for even n,
   * and n = 0, 2, 4, 8, 14, 16, 30, 62 covers 0-3 chars left over after the last full word.
   */
  private static final String[][] VECTORS = {
    {"0", "a3817f04ba25a8e66df67214c7550293"},
    {"2", "8177228da4a45dc7fca38bdef60affe4"},
    {"4", "f88164c12d9c8faf7d0f6e7c7bcd5579"},
    {"8", "3b62a9ba6258f5610f83e264f31497b4"},
    {"14", "31fcefac66d7de9c7ec7485fe4494902"},
    {"16", "6ee2a4ca67b054bbfd3315bf85230577"},
    {"30", "ea5c7f471faf6bde2b1ad7d4686d2287"},
    {"62", "5853542321f567a005d547a4f04759bd"},
  };

  @Test
  void theHashOfAStringIsSipHash128OfItsUtf16LittleEndianBytes() {
    for (String[] v : VECTORS) {
      int bytes = Integer.parseInt(v[0]);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < bytes; i += 2) {
        s.append((char) (i | (i + 1) << 8));
      }
      Flight f = IdWindowTest.flight("any");

      SipHash.hash(s.toString(), K0, K1, f);

      ByteBuffer out = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      out.putLong(f.idHi).putLong(f.idLo);
      assertThat(HexFormat.of().formatHex(out.array())).as("%d bytes", bytes).isEqualTo(v[1]);
    }
  }

  @Test
  void anotherKeyGivesAnotherHash() {
    Flight a = IdWindowTest.flight("any");
    Flight b = IdWindowTest.flight("any");

    SipHash.hash("message-1", K0, K1, a);
    SipHash.hash("message-1", K0, K1 + 1, b);

    assertThat(new long[] {a.idHi, a.idLo}).isNotEqualTo(new long[] {b.idHi, b.idLo});
  }
}
