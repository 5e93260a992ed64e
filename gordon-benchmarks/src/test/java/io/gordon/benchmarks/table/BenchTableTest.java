package io.gordon.benchmarks.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchTableTest {
  /** The repository (tests run in gordon-benchmarks/): rows read bin/ from it. */
  private static final Map<String, Row> ROWS =
      BenchTable.rows(Path.of("..").toAbsolutePath().normalize());

  @Test
  void aLineShowsBothFiguresTheRatioTheGoalAndWhetherItIsMet() {
    Line l =
        new Line(
            "router",
            350_000,
            500_000,
            "router alone",
            "msgs/s",
            Goal.atLeast(300_000, ">= 300,000 msgs/s"),
            "1.00 2.00 3.00");

    assertThat(l.format())
        .isEqualTo(
            "| router | 350,000 msgs/s | 500,000 msgs/s (router alone)"
                + " | 0.70 | >= 300,000 msgs/s | met | 1.00 2.00 3.00 |");
  }

  @Test
  void aRatioGoalIsJudgedOnGordonOverTheAnchor() {
    Line l =
        new Line(
            "rfc2136",
            7_000,
            10_000,
            "nsupdate",
            "records/s",
            Goal.ratioAtLeast(0.8, "ratio >= 0.8"),
            "0.50 0.50 0.50");

    assertThat(l.format()).endsWith("| 0.70 | ratio >= 0.8 | not met | 0.50 0.50 0.50 |");
  }

  @Test
  void aLineWithoutAnchorPrintsTheAnchorTextAndNoRatio() {
    Line l =
        new Line(
            "gcp",
            2.8,
            Double.NaN,
            "- (a count)",
            "requests/1,000 events",
            Goal.atMost(10, "<= 10"),
            "0.10 0.20 0.30");

    assertThat(l.format())
        .isEqualTo(
            "| gcp | 2.80 requests/1,000 events | - (a count) | - |"
                + " <= 10 | met | 0.10 0.20 0.30 |");
  }

  @Test
  void noArgumentsSelectsEveryRowInTheGoalsOrderAtFullSize() {
    BenchTable.Selection s = BenchTable.Selection.parse(new String[0], ROWS, false);

    assertThat(s.rows())
        .containsExactly(
            "router",
            "router-latency",
            "http",
            "zonefile",
            "rfc2136",
            "rfc2136-ceiling",
            "pubsub",
            "gcp",
            "rss",
            "startup");
    assertThat(s.sizes().quick()).isFalse();
  }

  @Test
  void namedRowsRunInTheGivenOrderAndQuickShrinksThem() {
    BenchTable.Selection s =
        BenchTable.Selection.parse(new String[] {"rss", "--quick", "http"}, ROWS, false);

    assertThat(s.rows()).containsExactly("rss", "http");
    assertThat(s.sizes().pick(1000, 10)).isEqualTo(10);
  }

  @Test
  void theEnvironmentCanAskForTheQuickRun() {
    assertThat(BenchTable.Selection.parse(new String[0], ROWS, true).sizes().quick()).isTrue();
  }

  @Test
  void anUnknownRowIsRefusedNamingTheKnownRows() {
    assertThatThrownBy(() -> BenchTable.Selection.parse(new String[] {"kafka"}, ROWS, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no benchmark row \"kafka\" (rows: router, router-latency, http, zonefile,"
                + " rfc2136, rfc2136-ceiling, pubsub, gcp, rss, startup)");
  }

  @Test
  void anUnknownFlagIsRefused() {
    assertThatThrownBy(() -> BenchTable.Selection.parse(new String[] {"--fast"}, ROWS, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown flag \"--fast\" (flags: --quick)");
  }

  @Test
  void aFailingRowBecomesAFailedLineAndTheOthersStillRun() {
    Map<String, Row> rows =
        Map.of(
            "broken",
                s -> {
                  throw new IllegalStateException("no emulator");
                },
            "fine", s -> List.of(Line.of("fine", 1, 2, "two", "x", Goal.none())));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    List<Line> lines =
        BenchTable.run(
            new BenchTable.Selection(List.of("broken", "fine"), new Sizes(true)),
            rows,
            new PrintStream(progress, true, StandardCharsets.UTF_8));

    assertThat(lines).extracting(Line::path).containsExactly("broken", "fine");
    assertThat(lines.get(0).format())
        .startsWith(
            "| broken | - | FAILED: "
                + "java.lang.IllegalStateException: no emulator | - | - | - |");
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("bin/bench: row fine");
  }

  @Test
  void theTableIsHeadedByItsRunAndHasOneRowPerLine() {
    String t =
        BenchTable.table(
            List.of(new Line("a", 1, 2, "b", "x", Goal.none(), "0 0 0")),
            new Sizes(true),
            Duration.ofSeconds(75));

    assertThat(t)
        .startsWith("bin/bench --quick (smoke sizes, not for comparison), ended ")
        .contains(" after 1 min 15 s, ")
        .contains("| path | gordon | anchor (same run) | ratio | goal | status | load |\n")
        .endsWith("| a | 1.00 x | 2.00 x (b) | 0.50 | - | - | 0 0 0 |\n");
  }

  @Test
  void theLauncherFlagsAreReadFromJvmOptionsAsBinGordonComputesThem() throws Exception {
    assertThat(LauncherFlags.of(Path.of("..").toAbsolutePath().normalize()))
        .startsWith("-Xmx256m", "-Xmn8m")
        .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
  }

  @Test
  void aJvmOptionsFileWithoutASettingIsRefusedNamingIt() {
    assertThatThrownBy(() -> LauncherFlags.of(List.of("GORDON_HEAP_MAX_MB=\"256\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bin/jvm-options.sh has no GORDON_YOUNG_RATIO=\"...\" line (expected the launcher's"
                + " settings)");
  }

  @Test
  void theZoneFileRowRunsTheRealBenchmarkInAJvmPerZoneSizeAndReadsBothSizes() throws Exception {
    List<Line> lines = ROWS.get("zonefile").run(new Sizes(true));

    assertThat(lines)
        .extracting(Line::path)
        .containsExactly(
            "local.zonefile, 10,000-record zone, batches of 1,000, launcher's JVM flags",
            "local.zonefile, 10,000-record zone, batches of 1,000, launcher's JVM flags: CPU ms per"
                + " batch, all threads");
    for (Line l : lines) {
      assertThat(l.gordon()).isPositive();
      assertThat(l.anchor()).isPositive();
      assertThat(l.format()).containsPattern("\\| (met|not met) \\|");
    }
  }
}
