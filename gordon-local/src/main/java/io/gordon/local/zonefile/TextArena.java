package io.gordon.local.zonefile;

import java.util.Arrays;

/**
 * Where a zone keeps the text of the RRsets a batch changed until the next rewrite puts it into its
 * run's array ({@link TextRuns}): chunks of 64 KB, kept and reused after each rewrite, an RRset
 * holding its chunk's number and offset as plain {@code int}s. Before, each changed RRset held a
 * new array of its own: at 100,000 records a reference to a young object stored into an old RRset,
 * which the serial collector's card table marks, so that every young collection scanned a card per
 * RRset changed since the last one (about three thousand, each a cache miss) and copied each array;
 * at 1,000 records the same RRsets were changed again and again (a few cards). Now a change stores
 * no reference, and the chunks, once old, are not copied again. Not thread-safe; used under the
 * zone's lock with its {@link RrsetIndex}.
 */
final class TextArena {
  static final int CHUNK = 64 * 1024;

  private byte[][] chunks = new byte[0][];

  /** Chunks in use: the last one is being filled. */
  private int count;

  /** Bytes used in the last chunk in use. */
  private int used;

  /** Copies {@code lines} in and makes {@code set}'s text that copy. */
  void put(Rrset set, byte[] lines) {
    if (count == 0 || used + lines.length > chunks[count - 1].length) {
      next(lines.length);
    }
    System.arraycopy(lines, 0, chunks[count - 1], used, lines.length);
    set.chunk = count - 1;
    set.offset = used;
    set.length = lines.length;
    used += lines.length;
  }

  private void next(int size) {
    if (count == chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(4, 2 * count));
    }
    if (chunks[count] == null || chunks[count].length < size) {
      chunks[count] = new byte[Math.max(CHUNK, size)];
    }
    count++;
    used = 0;
  }

  /** Chunk number {@code i}. */
  byte[] chunk(int i) {
    return chunks[i];
  }

  /**
   * Makes every chunk free for reuse: the caller has just copied each RRset's text into its run's
   * array, so none is read from the chunks any more.
   */
  void clear() {
    count = 0;
    used = 0;
  }

  /** Chunks in use (for tests). */
  int chunks() {
    return count;
  }
}
