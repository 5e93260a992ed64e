package io.gordon.core.router;

/**
 * The settled ids of the dedup window as 128-bit hashes with the time each settled: a ring in
 * settlement order (one primitive array of hash, hash, time triples, so a probe touches one cache
 * line and expiry pops the oldest) and an open-addressing table of ring positions (linear probing,
 * at most half full) to find a hash. About 32 bytes per id when the ring is full, 64 just after it
 * grew, and no object per id for the collector to trace. Grows and shrinks with what it holds. Not
 * thread-safe: {@link IdWindow} locks it.
 */
final class SettledIds {
  private static final int MIN_RING = 256;
  private final int maxIds;

  /** Entry i is ring[3i] and ring[3i + 1] (the hash) and ring[3i + 2] (when it settled). */
  private long[] ring = new long[3 * MIN_RING];

  private int length = MIN_RING;
  private int head;
  private int size;

  /**
   * Per slot: ring position + 1 in the low {@code posBits} bits (0 is an empty slot), and in the
   * bits above them a fingerprint of the hash, so that most probes that do not match are rejected
   * without reading the ring (a cache miss each).
   */
  private int[] slots = new int[2 * MIN_RING];

  private final int posBits;
  private final int posMask;

  SettledIds(int maxIds) {
    if (maxIds < 1) {
      throw new IllegalArgumentException("maxIds is " + maxIds + ", must be at least 1");
    }
    this.maxIds = maxIds;
    // The ring never grows beyond the power of two that holds maxIds (nor shrinks below
    // MIN_RING); position + 1 must fit.
    int ringMax =
        maxIds > 1 << 30
            ? 0
            : Math.max(MIN_RING, Integer.highestOneBit(Math.max(1, maxIds - 1)) << 1);
    this.posBits = ringMax == 0 ? 32 : Integer.numberOfTrailingZeros(ringMax) + 1;
    this.posMask = posBits == 32 ? -1 : (1 << posBits) - 1;
  }

  /** The fingerprint bits of a slot for hash {@code h}: high bits of h above the position. */
  private int fingerprint(long h) {
    return posBits == 32 ? 0 : (int) (h >>> 32) & ~posMask;
  }

  /** True when the hash settled less than {@code windowMillis} before {@code now}. */
  boolean contains(long h, long l, long now, long windowMillis) {
    int s = slot(h, l);
    return slots[s] != 0 && now - ring[3 * ((slots[s] & posMask) - 1) + 2] < windowMillis;
  }

  /**
   * Remembers the hash as settled at {@code now}, after forgetting what expired; returns how many
   * unexpired hashes were forgotten to stay within {@code maxIds} (the oldest go first).
   */
  int add(long h, long l, long now, long windowMillis) {
    expire(now, windowMillis);
    int early = 0;
    while (size >= maxIds) {
      removeHead();
      early++;
    }
    if (size == length) {
      resize(length * 2);
    }
    int pos = (head + size) & (length - 1);
    ring[3 * pos] = h;
    ring[3 * pos + 1] = l;
    ring[3 * pos + 2] = now;
    size++;
    // A hash already present (an id reused after its window) now points at its new position;
    // the old one stays in the ring until it expires and is then skipped.
    slots[slot(h, l)] = fingerprint(h) | (pos + 1);
    return early;
  }

  /** Forgets the hashes settled {@code windowMillis} or more before {@code now}. */
  void expire(long now, long windowMillis) {
    while (size > 0 && now - ring[3 * head + 2] >= windowMillis) {
      removeHead();
    }
    if (size < length / 4 && length > MIN_RING) {
      resize(length / 2);
    }
  }

  int size() {
    return size;
  }

  /** Bytes held by the arrays, for the benchmarks. */
  long bytes() {
    return 8L * ring.length + 4L * slots.length;
  }

  private void removeHead() {
    int s = slot(ring[3 * head], ring[3 * head + 1]);
    if ((slots[s] & posMask) - 1 == head) {
      delete(s);
    }
    head = (head + 1) & (length - 1);
    size--;
  }

  /** The slot holding the hash, or the empty slot where it would go. */
  private int slot(long h, long l) {
    int mask = slots.length - 1;
    int fp = fingerprint(h);
    int s = (int) h & mask;
    int e;
    while ((e = slots[s]) != 0) {
      int p = e & posMask;
      if ((e & ~posMask) == fp && ring[3 * p - 3] == h && ring[3 * p - 2] == l) {
        return s;
      }
      s = (s + 1) & mask;
    }
    return s;
  }

  /** Empties slot {@code i}, moving later entries of its probe run back (no tombstones). */
  private void delete(int i) {
    int mask = slots.length - 1;
    for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
      int home = (int) ring[3 * (slots[j] & posMask) - 3] & mask;
      if (((j - home) & mask) >= ((j - i) & mask)) {
        slots[i] = slots[j];
        i = j;
      }
    }
    slots[i] = 0;
  }

  private void resize(int newLength) {
    long[] r = new long[3 * newLength];
    int mask = length - 1;
    for (int k = 0; k < size; k++) {
      System.arraycopy(ring, 3 * ((head + k) & mask), r, 3 * k, 3);
    }
    ring = r;
    length = newLength;
    head = 0;
    slots = new int[2 * newLength];
    for (int k = 0; k < size; k++) {
      slots[slot(r[3 * k], r[3 * k + 1])] = fingerprint(r[3 * k]) | (k + 1);
    }
  }
}
