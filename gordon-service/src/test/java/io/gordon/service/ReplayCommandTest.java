package io.gordon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {
  @TempDir Path dir;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();
  Path letters;

  int run(Object command, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return new CommandLine(command)
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  /** Dead-letters two events for example.org. (not managed yet) and one invalid input. */
  @BeforeEach
  void deadLetterSomeEvents() throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), ApplyCommandTest.CONFIG);
    Path events =
        Files.writeString(
            dir.resolve("e.jsonl"),
            ApplyCommandTest.event("d1", "www.example.org.")
                + "\n"
                + ApplyCommandTest.event("d2", "ftp.example.org.")
                + "\n");
    assertThat(run(new ApplyCommand(), "-c", dir.toString(), events.toString())).isEqualTo(1);
    letters = dir.resolve("var/dead-letters.jsonl");
    assertThat(Files.readAllLines(letters)).hasSize(2);
    // Now the zone is managed: the letters can be applied.
    Files.writeString(
        dir.resolve("gordon.toml"),
        ApplyCommandTest.CONFIG.replace(
            "zones = [\"example.com.\"]", "zones = [\"example.com.\", \"example.org.\"]"));
  }

  private String zone() throws Exception {
    return Files.readString(dir.resolve("var/zones/example.org.zone"));
  }

  @Test
  void replayReappliesEveryDeadLetterUnderItsId() throws Exception {
    assertThat(run(new ReplayCommand(), "-c", dir.toString(), letters.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString().lines())
        .hasSize(2)
        .anyMatch(l -> l.startsWith("{\"id\":\"d1\",\"outcome\":\"applied\""))
        .anyMatch(l -> l.startsWith("{\"id\":\"d2\",\"outcome\":\"applied\""));
    assertThat(zone())
        .contains("www.example.org. 300 IN A 192.0.2.7", "ftp.example.org. 300 IN A 192.0.2.7");
    assertThat(err.toString()).startsWith("gordon replay: 2 of 2 dead letters selected");
  }

  @Test
  void nameAndReasonSelectLetters() throws Exception {
    assertThat(
            run(
                new ReplayCommand(),
                "-c",
                dir.toString(),
                "--name",
                "ftp.example.org",
                "--reason",
                "NO MANAGED ZONE",
                letters.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString().lines())
        .singleElement()
        .asString()
        .startsWith("{\"id\":\"d2\",\"outcome\":\"applied\"");
    assertThat(zone()).contains("ftp.example.org.").doesNotContain("www.example.org.");
    assertThat(
            run(
                new ReplayCommand(),
                "-c",
                dir.toString(),
                "--reason",
                "refused",
                letters.toString()))
        .isZero();
    assertThat(err.toString()).startsWith("gordon replay: 0 of 2 dead letters selected");
  }

  @Test
  void printWritesTheEventsWithAReplaySuffixForARunningService() throws Exception {
    assertThat(
            run(new ReplayCommand(), "--print", "--name", "www.example.org.", letters.toString()))
        .isZero();
    assertThat(out.toString().lines())
        .singleElement()
        .asString()
        .startsWith("{\"id\":\"d1-replay\",")
        .contains("\"name\":\"www.example.org.\"");
  }

  @Test
  void applyTakesTheDeadLetterFileAsIs() throws Exception {
    assertThat(run(new ApplyCommand(), "-c", dir.toString(), letters.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString().lines()).hasSize(2).allMatch(l -> l.contains("\"applied\""));
    assertThat(zone()).contains("www.example.org.", "ftp.example.org.");
  }

  @Test
  void aFileOfEventsIsNotADeadLetterFile() throws Exception {
    Path events = Files.writeString(dir.resolve("x.json"), ApplyCommandTest.event("x", "a."));
    assertThat(run(new ReplayCommand(), events.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "gordon replay: "
                + events
                + ": line 1 is not a dead"
                + " letter (expected a JSON object with id, parkedAt, reason and event or payload)\n");
  }

  @Test
  void aDeadLetterFileWithAForeignLineNamesTheLine() throws Exception {
    Files.writeString(letters, Files.readString(letters) + "{\"id\":\"z\"}\n");
    assertThat(run(new ApplyCommand(), "-c", dir.toString(), letters.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "gordon apply: dead-letters.jsonl: line 3 is not a"
                + " dead letter (expected a JSON object with id, parkedAt, reason and event or payload,"
                + " as the others)\n");
  }

  @Test
  void aMissingFileIsNamedWithTheReason() {
    Path none = dir.resolve("none.jsonl");
    assertThat(run(new ReplayCommand(), "-c", dir.toString(), none.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("gordon replay: cannot read " + none + ": no such file\n");
  }
}
