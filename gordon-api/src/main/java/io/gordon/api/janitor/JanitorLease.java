package io.gordon.api.janitor;

/**
 * One janitor run at a time across several {@code gordon run} instances that all set {@code
 * [janitor] interval}. A service plugin of any kind may implement it (for example {@code
 * kafka.event_consumer} with {@code janitor_lease_topic}); {@code gordon run} then runs the janitor
 * only while {@link #held()} is true and asks again before each zone's writes, so an instance that
 * loses the lease mid-run stops before its next write. A lease bounds overlap, it cannot exclude it
 * (a pause between the check and the write); the janitor's compare-and-swap changes keep a late
 * second run from undoing anything.
 *
 * @since 1.1
 */
public interface JanitorLease {
  /**
   * Whether this instance holds the lease now and may run the janitor. Called often; must not
   * block.
   *
   * @return true only while no other instance should consider itself the holder
   */
  boolean held();

  /**
   * What the lease is, for logs and {@code /readyz}.
   *
   * @return e.g. {@code partition 0 of topic gordon-janitor (group gordon-janitor)}
   */
  String describe();
}
