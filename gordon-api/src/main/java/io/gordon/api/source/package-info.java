/**
 * Building blocks for sources that read an ordered log (a Kafka partition, a spool file): the
 * bookkeeping that lets them acknowledge out-of-order settlements safely.
 *
 * <p>The router settles messages out of order, because different record names proceed in parallel.
 * A log source may only commit a position once every earlier position is finished, or a crash would
 * skip the unfinished ones. {@link io.gordon.api.source.OffsetTracker} keeps that contiguous
 * settled prefix per partition; {@link io.gordon.api.source.RedeliveryQueue} holds the messages the
 * router handed back ({@link io.gordon.api.plugin.Outcome.Redeliver}) until their growing delay has
 * passed, so that the source submits them again while their positions stay uncommitted.
 */
package io.gordon.api.source;
