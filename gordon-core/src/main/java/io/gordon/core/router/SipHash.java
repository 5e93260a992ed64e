package io.gordon.core.router;

/**
 * SipHash-2-4 with a 128-bit output (Aumasson and Bernstein; the reference implementation's {@code
 * siphash} with {@code outlen} 16) over the UTF-16LE bytes of a string, read four chars at a time
 * without copying them. The dedup window keys it with a random key per process: SipHash is a
 * pseudo-random function, so without the key nobody can choose two message ids that share a hash
 * (and have gordon drop one as a duplicate of the other). Unkeyed or merely seeded fast hashes
 * (MurmurHash3, CityHash, xxHash) do not give that: they have collisions that hold for every seed.
 *
 * <p>One instance per hash: C2 keeps its four state words in registers (it does not escape).
 */
final class SipHash {
  private long v0;
  private long v1;
  private long v2;
  private long v3;

  private SipHash(long k0, long k1) {
    v0 = 0x736f6d6570736575L ^ k0;
    v1 = 0x646f72616e646f6dL ^ k1 ^ 0xee;
    v2 = 0x6c7967656e657261L ^ k0;
    v3 = 0x7465646279746573L ^ k1;
  }

  /**
   * The hash of {@code s} under key ({@code k0}, {@code k1}) into {@code f}'s {@code idHi} (the
   * first 8 output bytes, little-endian) and {@code idLo} (the last 8).
   */
  static void hash(String s, long k0, long k1, Flight f) {
    SipHash h = new SipHash(k0, k1);
    int n = s.length();
    int full = n & ~3;
    for (int i = 0; i < full; i += 4) {
      h.compress(
          s.charAt(i)
              | ((long) s.charAt(i + 1) << 16)
              | ((long) s.charAt(i + 2) << 32)
              | ((long) s.charAt(i + 3) << 48));
    }
    // The last word: the 0-3 chars left and the length in bytes, mod 256, in the top byte.
    long last = 2L * n << 56;
    for (int i = full; i < n; i++) {
      last |= (long) s.charAt(i) << (16 * (i - full));
    }
    h.compress(last);
    h.v2 ^= 0xee;
    h.rounds(4);
    f.idHi = h.v0 ^ h.v1 ^ h.v2 ^ h.v3;
    h.v1 ^= 0xdd;
    h.rounds(4);
    f.idLo = h.v0 ^ h.v1 ^ h.v2 ^ h.v3;
  }

  private void compress(long m) {
    v3 ^= m;
    rounds(2);
    v0 ^= m;
  }

  private void rounds(int n) {
    for (int i = 0; i < n; i++) {
      v0 += v1;
      v1 = Long.rotateLeft(v1, 13) ^ v0;
      v0 = Long.rotateLeft(v0, 32);
      v2 += v3;
      v3 = Long.rotateLeft(v3, 16) ^ v2;
      v0 += v3;
      v3 = Long.rotateLeft(v3, 21) ^ v0;
      v2 += v1;
      v1 = Long.rotateLeft(v1, 17) ^ v2;
      v2 = Long.rotateLeft(v2, 32);
    }
  }
}
