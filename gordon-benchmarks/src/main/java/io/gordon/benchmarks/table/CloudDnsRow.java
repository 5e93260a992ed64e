package io.gordon.benchmarks.table;

import io.gordon.benchmarks.gcp.CloudDnsRequestsBenchmark;
import java.util.List;

/**
 * {@code gcp}: {@code CloudDnsRequestsBenchmark}, API requests gcp.publisher makes per 1,000 events
 * against the fake Cloud DNS (start-up included), in calls of 1,000 changes as the router's publish
 * stage hands them over, without and with ownership markers, each change a different name ({@code
 * distinct}) or names added and removed again within a call ({@code churn}). A count: there is no
 * anchor to race.
 */
final class CloudDnsRow {
  private CloudDnsRow() {}

  static List<Line> run(Sizes s) throws Exception {
    int events = s.pick(10_000, 2_000);
    String out =
        Captured.stdout(
            () ->
                CloudDnsRequestsBenchmark.main(
                    new String[] {String.valueOf(events), String.valueOf(events / 2)}));
    return List.of(
        line(out, events, "none", "distinct"),
        line(out, events, "owner", "distinct"),
        line(out, events, "none", "churn"),
        line(out, events, "owner", "churn"));
  }

  private static Line line(String out, int events, String claims, String names) {
    double perThousand =
        out.lines()
            .map(l -> l.trim().split("\\s+"))
            .filter(
                f ->
                    f.length > 5
                        && f[0].equals("1000")
                        && f[1].equals(claims)
                        && f[2].equals(names))
            .mapToDouble(f -> Captured.number(f[5]))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no batch 1000 / " + claims + " / " + names + " row in:\n" + out));
    return Line.of(
        String.format(
            "gcp.publisher, fake Cloud DNS, %,d events, calls of 1,000, ownership %s, names %s",
            events, claims, names),
        perThousand,
        Double.NaN,
        "- (a count)",
        "requests/1,000 events",
        Goal.atMost(10, "<= 10"));
  }
}
