package io.gordon.local.zonefile;

import io.gordon.api.model.RecordType;

/**
 * A zone's RRsets by name and type: an open-addressing hash table (linear probing, at most half
 * full) keyed by the name's hash alone, so that the RRsets of one name lie next to each other and
 * {@link #types} reads them in one probe. Each slot's tag (the name's hash and the type) sits in an
 * array of its own: a probe compares tags and follows a slot's {@link Rrset} only on a match, which
 * then compares the name against the start of the RRset's text. So a lookup is the tag, the RRset
 * and its text (three dependent cache misses in a large zone; the slot's reference is loaded beside
 * the tag) where a {@code HashMap} of keys was the table, the node, the key, the key's string and
 * its bytes. Removal shifts the later slots of a probe sequence back (no tombstones). Not
 * thread-safe.
 */
final class RrsetTable {
  private static final RecordType[] TYPES = RecordType.values();

  /**
   * Per slot: the mixed hash of the name above the low 8 bits, which hold the type's ordinal plus
   * one (0: an empty slot). The home slot is the bits above those 8, so tables of up to 2^24 slots
   * spread evenly.
   */
  private int[] tags = new int[16];

  private Rrset[] sets = new Rrset[16];
  private int size;

  /** The RRset of {@code name} and {@code type}, or null. */
  Rrset get(String name, RecordType type) {
    int tag = tag(name.hashCode(), type);
    int mask = tags.length - 1;
    for (int i = home(tag) & mask; tags[i] != 0; i = (i + 1) & mask) {
      if (tags[i] == tag && sets[i].named(name)) {
        return sets[i];
      }
    }
    return null;
  }

  /** Adds {@code set}, whose name and type are not in the table. */
  void add(Rrset set) {
    if (2 * (size + 1) > tags.length) {
      grow();
    }
    place(tag(set.hash, set.type), set);
    size++;
  }

  private void place(int tag, Rrset set) {
    int mask = tags.length - 1;
    int i = home(tag) & mask;
    while (tags[i] != 0) {
      i = (i + 1) & mask;
    }
    tags[i] = tag;
    sets[i] = set;
  }

  /** Removes {@code set} (found by {@link #get}); returns whether it was there. */
  boolean remove(Rrset set) {
    int mask = tags.length - 1;
    int i = home(tag(set.hash, set.type)) & mask;
    while (tags[i] != 0 && sets[i] != set) {
      i = (i + 1) & mask;
    }
    if (tags[i] == 0) {
      return false;
    }
    // Shift back each later slot of the run that may not sit between its home and the hole.
    int hole = i;
    for (int j = (i + 1) & mask; tags[j] != 0; j = (j + 1) & mask) {
      int home = home(tags[j]) & mask;
      boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!stays) {
        tags[hole] = tags[j];
        sets[hole] = sets[j];
        hole = j;
      }
    }
    tags[hole] = 0;
    sets[hole] = null;
    size--;
    return true;
  }

  /** The types present at {@code name}, one bit per {@link RecordType} ordinal. */
  int types(String name) {
    int high = tag(name.hashCode(), TYPES[0]) & ~0xff;
    int mask = tags.length - 1;
    int bits = 0;
    for (int i = home(high) & mask; tags[i] != 0; i = (i + 1) & mask) {
      if ((tags[i] & ~0xff) == high && sets[i].named(name)) {
        bits |= 1 << ((tags[i] & 0xff) - 1);
      }
    }
    return bits;
  }

  int size() {
    return size;
  }

  private void grow() {
    int[] oldTags = tags;
    Rrset[] oldSets = sets;
    tags = new int[oldTags.length * 2];
    sets = new Rrset[oldTags.length * 2];
    for (int i = 0; i < oldTags.length; i++) {
      if (oldTags[i] != 0) {
        place(oldTags[i], oldSets[i]);
      }
    }
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

  private static int home(int tag) {
    return tag >>> 8;
  }
}
