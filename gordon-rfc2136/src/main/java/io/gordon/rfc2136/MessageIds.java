package io.gordon.rfc2136;

import java.util.BitSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids of this provider's messages awaiting an answer, each distinct. dnsjava sends every TCP
 * message to one server over one shared connection and gives an answer to the first waiting message
 * with the answer's id, so two messages in flight with the same id could each be handed the other's
 * answer (a wrong result, or a TSIG failure). Ids stay random (RFC 5452) among the free ones.
 */
final class MessageIds {
  private static final int IDS = 1 << 16;

  /** Ids in use; guarded by this. */
  private final BitSet used = new BitSet(IDS);

  /** A random id not in use; {@link #release} it once the answer is in. */
  synchronized int take() {
    if (used.cardinality() >= IDS) {
      throw new IllegalStateException("all " + IDS + " message ids are in use");
    }
    int id = ThreadLocalRandom.current().nextInt(IDS);
    int free = used.nextClearBit(id);
    if (free >= IDS) {
      free = used.nextClearBit(0);
    }
    used.set(free);
    return free;
  }

  /** Makes {@code id} available again. */
  synchronized void release(int id) {
    used.clear(id);
  }
}
