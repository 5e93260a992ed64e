package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Change;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.MetricRelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ZoneBatchTest {
  private static ZoneBatch batch(int maxChanges, List<Change> changes) {
    var settings =
        new Rfc2136Settings(
            "rfc2136",
            Rfc2136Settings.parseServer("rfc2136", "127.0.0.1:5353"),
            List.of("example.test."),
            Optional.empty(),
            Duration.ofSeconds(1),
            Rfc2136Settings.TcpMode.AUTO,
            300,
            maxChanges,
            4);
    var sender =
        new UpdateSender(
            settings,
            new Rfc2136Client(settings, Clock.systemUTC()),
            null,
            System.getLogger("test"),
            MetricRelay.noop(),
            null);
    return new ZoneBatch(
        "example.test.",
        changes,
        IntStream.range(0, changes.size()).boxed().toList(),
        settings,
        sender,
        (n, t) -> Optional.empty());
  }

  private static Change a(String label) {
    return new Change.Replace(
        RecordSet.of(label + ".example.test.", RecordType.A, 300, "192.0.2.1"));
  }

  @Test
  void chunksHoldAtMostTheConfiguredNumberOfChanges() {
    assertThat(batch(2, List.of(a("a"), a("b"), a("c"), a("d"), a("e"))).chunks())
        .containsExactly(List.of(0, 1), List.of(2, 3), List.of(4));
  }

  @Test
  void secondChangeToANameStartsANewChunk() {
    assertThat(batch(10, List.of(a("a"), a("b"), a("a"), a("c"))).chunks())
        .containsExactly(List.of(0, 1), List.of(2, 3));
  }

  @Test
  void chunksStayUnderTheMessageSizeLimit() {
    String big = "\"" + "x".repeat(250) + "\"";
    List<Change> changes =
        IntStream.range(0, 100)
            .mapToObj(
                i ->
                    (Change)
                        new Change.Replace(
                            new RecordSet(
                                "t" + i + ".example.test.",
                                RecordType.TXT,
                                java.util.OptionalInt.of(300),
                                IntStream.range(0, 10)
                                    .mapToObj(j -> big.replace("xx", "x" + j))
                                    .toList())))
            .toList();
    List<List<Integer>> chunks = batch(500, changes).chunks();
    assertThat(chunks).hasSizeGreaterThan(2);
    assertThat(chunks.stream().mapToInt(List::size).sum()).isEqualTo(100);
  }

  @Test
  void claimedChunksWithTheirMarkersFitInOneTcpMessage() {
    assertClaimedChunksFit("gordon");
  }

  @Test
  void claimedChunksFitInOneTcpMessageWithTheLongestOwnerId() {
    assertClaimedChunksFit("o".repeat(63));
  }

  @Test
  void aThousandClaimedNewNamesTakeThreeMessagesEachFitting() {
    List<Change> changes =
        IntStream.range(0, 1000)
            .mapToObj(
                i ->
                    (Change)
                        new Change.Replace(
                                RecordSet.of(
                                    "h" + (10_000 + i) + ".example.test.",
                                    RecordType.A,
                                    300,
                                    "10.0.0.1"))
                            .withOwnership(Ownership.of("gordon")))
            .toList();
    List<List<Integer>> chunks = batch(500, changes).chunks();
    assertThat(chunks).hasSize(3);
    assertChunksFit(changes, chunks);
  }

  @Test
  void claimedNamesWhoseMarkerLabelIsHashedStillFit() {
    String longLabel = "l".repeat(60);
    List<Change> changes =
        IntStream.range(0, 1000)
            .mapToObj(
                i ->
                    (Change)
                        new Change.Replace(
                                RecordSet.of(
                                    longLabel + i % 10 + ".n" + i + ".example.test.",
                                    RecordType.AAAA,
                                    300,
                                    "2001:db8::1"))
                            .withOwnership(Ownership.of("gordon")))
            .toList();
    assertChunksFit(changes, batch(500, changes).chunks());
  }

  private static void assertClaimedChunksFit(String ownerId) {
    List<Change> changes =
        IntStream.range(0, 2000)
            .mapToObj(
                i ->
                    (Change)
                        new Change.Replace(
                                RecordSet.of(
                                    "host-" + i + ".some-longer-label.example.test.",
                                    RecordType.A,
                                    300,
                                    "192.0.2.1"))
                            .withOwnership(Ownership.of(ownerId)))
            .toList();
    assertChunksFit(changes, batch(500, changes).chunks());
  }

  private static void assertChunksFit(List<Change> changes, List<List<Integer>> chunks) {
    ChangePlanner planner =
        new ChangePlanner(
            new Rfc2136Settings(
                "rfc2136",
                Rfc2136Settings.parseServer("rfc2136", "127.0.0.1:5353"),
                List.of("example.test."),
                Optional.empty(),
                Duration.ofSeconds(1),
                Rfc2136Settings.TcpMode.AUTO,
                300,
                500,
                4));
    for (List<Integer> chunk : chunks) {
      List<Op> ops =
          chunk.stream()
              .map(
                  i ->
                      ((ChangePlanner.Planned.Send)
                              planner.plan(
                                  i,
                                  changes.get(i),
                                  "example.test.",
                                  Optional.empty(),
                                  Optional.empty()))
                          .op())
              .toList();
      int size = UpdateSender.build("example.test.", ops).toWire().length;
      assertThat(size).isLessThanOrEqualTo(UpdateSender.TCP_LIMIT);
    }
  }
}
