package io.gordon.api.plugin;

import io.gordon.api.model.Change;
import java.util.List;
import java.util.Set;

/**
 * A DNS provider: applies changes to the zones it manages and reads them back. The core adapts a
 * provider into the {@code publish} phase and batches: changes from many messages that are ready
 * together reach {@link #apply} in one call, so a provider can send them in one request per zone.
 *
 * <p>Contract (checked by the publisher contract kit in gordon-testing): a replacement makes the
 * RRset hold exactly the given rdata and TTL; a removal removes the listed rdata, or the RRset;
 * removing what is absent is {@link ChangeResult.Unchanged}; replaying a change is harmless; a
 * CNAME never coexists with other data at a name; names outside {@link #zones()} fail permanently;
 * a change with {@link Change#expected()} is a compare-and-swap and fails with a {@link
 * io.gordon.api.ConflictException} when the live data differ; one bad change in a batch fails
 * alone.
 */
public interface DnsProvider extends GordonPlugin, RecordReader {
  /** The phase this provider serves; {@code publish} by default. */
  default String phase() {
    return "publish";
  }

  /** The zones this provider manages: absolute, lower case. */
  Set<String> zones();

  /**
   * Applies {@code changes} and returns one result per change, in the same order. Failures of
   * single changes are results, not exceptions; throw {@link io.gordon.api.RetriableException} only
   * when nothing could be attempted (e.g. the server is unreachable). Called from one thread per
   * zone at a time at most (unless {@link #maxConcurrentApplies()} allows more), but from several
   * threads for different zones.
   */
  List<ChangeResult> apply(List<Change> changes);

  /**
   * How many {@link #apply} calls for one zone the core may run at the same time; 1 by default.
   * Return more only if concurrent calls on one zone are safe, e.g. each sends its own UPDATE and
   * shares no unsynchronised state. The core never gives two concurrent calls of a zone changes to
   * the same name: neither the same owner name nor, for claimed changes, the same owner marker name
   * ({@link io.gordon.api.model.OwnerMarker#nameFor}); a request sharing one waits until the call
   * holding it returns, and changes of one name keep their order. Read once, when the router
   * starts.
   *
   * @return at least 1
   */
  default int maxConcurrentApplies() {
    return 1;
  }

  /**
   * Confirms connectivity and credentials (for {@code gordon config --check-providers}); throws a
   * {@link io.gordon.api.ProviderException} saying what failed. The default does nothing.
   */
  default void check() {}
}
