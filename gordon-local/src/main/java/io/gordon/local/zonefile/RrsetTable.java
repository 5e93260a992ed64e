package io.gordon.local.zonefile;

import io.gordon.api.model.RecordType;

/**
 * A zone's RRsets by name and type: an open-addressing hash table (linear probing, at most half
 * full) keyed by the name's hash alone, so that the RRsets of one name lie next to each other and
 * {@link #types} reads them in one probe. Each slot is one {@code long}: the tag (the name's hash
 * and the type) and the RRset's number in {@link #store}. A probe compares tags and follows a slot
 * to its {@link Rrset} only on a match, which then compares the name against the start of the
 * RRset's text. Removal shifts the later slots of a probe sequence back (no tombstones). Not
 * thread-safe.
 *
 * <p>Why numbers and not references in the slots: the table lives as long as the zone, so the
 * serial collector has promoted it, and every reference stored into it marks a 512-byte card that
 * the next young collection scans. With a slot per reference, a batch's adds and removals (and
 * their shifts) fell on random slots: at 100,000 records nearly every card of the 1 MB array was
 * marked between two collections and scanned in each. Now a slot is plain data; the only references
 * stored are the new RRsets appended to {@link #store}, a few neighbouring cards.
 */
final class RrsetTable {
  private static final RecordType[] TYPES = RecordType.values();

  private static final long NUMBER = 0xffff_ffffL;

  /**
   * Per slot: the tag in the high 32 bits (0: an empty slot) and the RRset's number in the low 32.
   * A tag is the mixed hash of the name above the low 8 bits, which hold the type's ordinal plus
   * one; the home slot is the bits above those 8, so tables of up to 2^24 slots spread evenly.
   */
  private long[] slots = new long[16];

  /**
   * The RRsets by number, appended; a removed one stays (storing null would mark a card too) until
   * the array is full, when the live ones are numbered again in a new array.
   */
  private Rrset[] store = new Rrset[8];

  /** Numbers used in {@link #store}. */
  private int used;

  private int size;

  /** The RRset of {@code name} and {@code type}, or null. */
  Rrset get(String name, RecordType type) {
    int tag = tag(name.hashCode(), type);
    int mask = slots.length - 1;
    for (int i = home(tag) & mask; slots[i] != 0; i = (i + 1) & mask) {
      if (tag(slots[i]) == tag) {
        Rrset s = store[number(slots[i])];
        if (s.named(name)) {
          return s;
        }
      }
    }
    return null;
  }

  /** Adds {@code set}, whose name and type are not in the table. */
  void add(Rrset set) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    if (used == store.length) {
      renumber();
    }
    set.number = used;
    store[used++] = set;
    place(slot(tag(set.hash, set.type), set.number));
    size++;
  }

  private void place(long slot) {
    int mask = slots.length - 1;
    int i = home(tag(slot)) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = slot;
  }

  /** Removes {@code set} (found by {@link #get}); returns whether it was there. */
  boolean remove(Rrset set) {
    if (set.number < 0) {
      return false;
    }
    long slot = slot(tag(set.hash, set.type), set.number);
    int mask = slots.length - 1;
    int i = home(tag(slot)) & mask;
    while (slots[i] != 0 && slots[i] != slot) {
      i = (i + 1) & mask;
    }
    if (slots[i] == 0) {
      return false;
    }
    // Shift back each later slot of the run that may not sit between its home and the hole.
    int hole = i;
    for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
      int home = home(tag(slots[j])) & mask;
      boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!stays) {
        slots[hole] = slots[j];
        hole = j;
      }
    }
    slots[hole] = 0;
    set.number = -1;
    size--;
    return true;
  }

  /** The types present at {@code name}, one bit per {@link RecordType} ordinal. */
  int types(String name) {
    int high = highTag(name);
    int mask = slots.length - 1;
    int bits = 0;
    for (int i = home(high) & mask; slots[i] != 0; i = (i + 1) & mask) {
      int tag = tag(slots[i]);
      if ((tag & ~0xff) == high && store[number(slots[i])].named(name)) {
        bits |= 1 << ((tag & 0xff) - 1);
      }
    }
    return bits;
  }

  /**
   * Reads what looking up each of {@code names} will read (the slots of its probe sequence up to
   * the first of its name's hash, that slot's RRset and the first byte of its text) and returns a
   * sum of what it read (2^32 per occupied home slot plus the texts' first bytes), so that no
   * compiler drops the reads. A batch calls this with its names before it applies any change. At
   * 100,000 records the table, the RRsets and their text are too large to stay in the caches
   * between batches, and each change's lookup met its three cache misses one after another, each
   * waiting for the one before. Here each step is a short loop over all the names whose reads do
   * not depend on each other, so the processor has many misses in flight at once; the changes then
   * find their lines in the caches. At 1,000 records everything is cached already and this costs a
   * few hits per change.
   */
  long touch(String[] names) {
    int n = names.length;
    int[] at = new int[n];
    long sum = numbers(names, at);
    Rrset[] found = new Rrset[n]; // young and short-lived: no card of a long-lived object marked
    for (int k = 0; k < n; k++) { // the store's slots
      found[k] = at[k] < 0 ? null : store[at[k]];
    }
    byte[][] texts = new byte[n][];
    for (int k = 0; k < n; k++) { // the RRsets
      if (found[k] != null) {
        texts[k] = found[k].text();
        at[k] = found[k].offset;
      }
    }
    for (int k = 0; k < n; k++) { // their texts
      if (texts[k] != null) {
        sum += texts[k][at[k]];
      }
    }
    return sum;
  }

  /**
   * {@link #touch}'s steps in the table: sets {@code at[k]} to the number of the first RRset of
   * {@code names[k]}'s hash, or -1; returns 2^32 per occupied home slot.
   */
  private long numbers(String[] names, int[] at) {
    int mask = slots.length - 1;
    for (int k = 0; k < names.length; k++) { // the names' hashes are cached: no miss here
      at[k] = home(highTag(names[k])) & mask;
    }
    long sum = 0;
    for (int k = 0; k < names.length; k++) { // the home slots
      sum += slots[at[k]] == 0 ? 0 : 1L << 32;
    }
    for (int k = 0; k < names.length; k++) { // the first slot of the name's hash
      int high = highTag(names[k]);
      int i = at[k];
      while (slots[i] != 0 && (tag(slots[i]) & ~0xff) != high) {
        i = (i + 1) & mask;
      }
      at[k] = slots[i] == 0 ? -1 : number(slots[i]);
    }
    return sum;
  }

  private static int highTag(String name) {
    return tag(name.hashCode(), TYPES[0]) & ~0xff;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (long slot : old) {
      if (slot != 0) {
        place(slot);
      }
    }
  }

  /**
   * Numbers the live RRsets again from 0 in a new store, in slot order, twice their count in size:
   * amortized over the at least as many adds that fill it, a constant cost per add.
   */
  private void renumber() {
    Rrset[] next = new Rrset[Math.max(8, 2 * size)];
    int n = 0;
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != 0) {
        Rrset s = store[number(slots[i])];
        s.number = n;
        next[n] = s;
        slots[i] = slot(tag(slots[i]), n++);
      }
    }
    store = next;
    used = n;
  }

  /** The type of a bit of {@link #types}. */
  static RecordType type(int bit) {
    return TYPES[bit];
  }

  /** A slot's tag: the name's hash, mixed, above the type's ordinal plus one. */
  @SuppressWarnings("EnumOrdinal") // a slot's tag in memory, never stored
  private static int tag(int nameHash, RecordType type) {
    int x = nameHash * 0x9E3779B1;
    x ^= x >>> 15;
    return (x & ~0xff) | (type.ordinal() + 1);
  }

  private static long slot(int tag, int number) {
    return (long) tag << 32 | number;
  }

  private static int tag(long slot) {
    return (int) (slot >>> 32);
  }

  private static int number(long slot) {
    return (int) (slot & NUMBER);
  }

  private static int home(int tag) {
    return tag >>> 8;
  }
}
