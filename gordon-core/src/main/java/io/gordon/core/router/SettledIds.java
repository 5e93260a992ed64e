package io.gordon.core.router;

/**
 * The settled ids of the dedup window as 128-bit hashes with the time each settled: a ring in
 * settlement order (one primitive array of hash, hash, time triples, so a probe touches one cache
 * line and expiry pops the oldest) and an open-addressing table of ring positions (linear probing,
 * at most half full) to find a hash. About 32 bytes per id when the ring is full, 64 just after it
 * grew, and no object per id for the collector to trace. Grows and shrinks with what it holds. Not
 * thread-safe: {@link IdWindow} locks it.
 *
 * <p>A table slot is one {@code int}: the ring position + 1 in its low {@value #POS_BITS} bits (0:
 * an empty slot), and above them the top bits of the hash's first word, which are also the slot the
 * hash is placed at (its home, the top bits of the word). So a probe rejects most other hashes
 * without reading the ring, and deleting a slot (which moves later slots of its run back) finds
 * each slot's home in the slot itself: reading the ring there cost a cache miss per moved slot.
 * Hence at most {@link #MAX_IDS} ids per table: a table of up to 2^14 slots leaves at least four
 * bits above the home to tell hashes of one home apart.
 */
final class SettledIds {
  /** The most ids one table holds (a ring of 2^13 positions). */
  static final int MAX_IDS = 1 << 13;

  private static final int POS_BITS = 14;
  private static final int POS_MASK = (1 << POS_BITS) - 1;
  private static final int MIN_RING = 64;
  private final int maxIds;

  /** Entry i is ring[3i] and ring[3i + 1] (the hash) and ring[3i + 2] (when it settled). */
  private long[] ring = new long[3 * MIN_RING];

  private int length = MIN_RING;
  private int head;
  private int size;
  private int[] slots = new int[2 * MIN_RING];

  /** 32 minus log2 of the table size: a word's home slot is {@code word >>> shift}. */
  private int shift = 32 - Integer.numberOfTrailingZeros(2 * MIN_RING);

  SettledIds(int maxIds) {
    if (maxIds < 1 || maxIds > MAX_IDS) {
      throw new IllegalArgumentException(
          "maxIds is " + maxIds + ", must be between 1 and " + MAX_IDS);
    }
    this.maxIds = maxIds;
  }

  /** True when the hash settled less than {@code windowMillis} before {@code now}. */
  boolean contains(long h, long l, long now, long windowMillis) {
    int s = slot(h, l);
    return slots[s] != 0 && now - ring[3 * ((slots[s] & POS_MASK) - 1) + 2] < windowMillis;
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
    slots[slot(h, l)] = tag(h) | (pos + 1);
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

  /** The bits of a slot above the position: the top bits of the hash's first word. */
  private static int tag(long h) {
    return (int) (h >>> 32) & ~POS_MASK;
  }

  private void removeHead() {
    int s = slot(ring[3 * head], ring[3 * head + 1]);
    if ((slots[s] & POS_MASK) - 1 == head) {
      delete(s);
    }
    head = (head + 1) & (length - 1);
    size--;
  }

  /** The slot holding the hash, or the empty slot where it would go. */
  private int slot(long h, long l) {
    int mask = slots.length - 1;
    int tag = tag(h);
    int s = tag >>> shift;
    int e;
    while ((e = slots[s]) != 0) {
      int p = e & POS_MASK;
      if ((e & ~POS_MASK) == tag && ring[3 * p - 3] == h && ring[3 * p - 2] == l) {
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
      int home = slots[j] >>> shift;
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
    shift = 32 - Integer.numberOfTrailingZeros(2 * newLength);
    for (int k = 0; k < size; k++) {
      slots[slot(r[3 * k], r[3 * k + 1])] = tag(r[3 * k]) | (k + 1);
    }
  }
}
