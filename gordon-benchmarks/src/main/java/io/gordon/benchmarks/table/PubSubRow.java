package io.gordon.benchmarks.table;

import io.gordon.benchmarks.pubsub.PubSubBenchmark;
import java.util.List;

/**
 * {@code pubsub}: {@code PubSubBenchmark} on the Pub/Sub emulator, gcp.event_consumer writing into
 * local.zonefile against the client library acking at once, same messages; once with a wide window
 * (the ratio goal) and once with {@code max_messages = 25} (the original's default). Both paths
 * open {@link #PULLS} streaming pulls ({@code parallel_pulls}): the emulator sends at most 100
 * messages per stream every 50 ms, so with one stream both ran at ~2,000 events/s and the row
 * measured the emulator, not gordon.
 */
final class PubSubRow {
  /** Streaming pulls of both paths: the emulator's ceiling 4 x 2,000 messages/s. */
  static final int PULLS = 4;

  private PubSubRow() {}

  static List<Line> run(Sizes s) throws Exception {
    int n = s.pick(3000, 300);
    double[] wide = PubSubBenchmark.measure(n, 1000, PULLS);
    double[] narrow = PubSubBenchmark.measure(n, 25, PULLS);
    String anchor = "client library acking at once";
    return List.of(
        Line.of(
            String.format(
                "gcp.event_consumer -> local.zonefile, emulator, %,d msgs, "
                    + "max_messages 1000, parallel_pulls %d",
                n, PULLS),
            wide[1],
            wide[0],
            anchor,
            "events/s",
            Goal.ratioAtLeast(0.8, "ratio >= 0.8")),
        Line.of(
            String.format(
                "gcp.event_consumer -> local.zonefile, emulator, %,d msgs, "
                    + "max_messages 25, parallel_pulls %d",
                n, PULLS),
            narrow[1],
            narrow[0],
            anchor,
            "events/s",
            Goal.atLeast(2000, ">= 2,000 events/s")));
  }
}
