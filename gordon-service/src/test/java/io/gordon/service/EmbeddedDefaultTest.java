package io.gordon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The repository's gordon.toml and examples/ work together, as the README promises. */
class EmbeddedDefaultTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  @TempDir Path dir;

  @Test
  void theRootConfigAppliesEveryGenericExampleToTheZoneFile() throws Exception {
    Files.copy(REPO.resolve("gordon.toml"), dir.resolve("gordon.toml"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        new CommandLine(new ApplyCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(
                "-c",
                dir.toString(),
                ex("event-a.json"),
                ex("event-aaaa.json"),
                ex("event-cname.json"),
                ex("event-txt.json"),
                ex("batch.jsonl"));
    assertThat(status).as(out + "\n" + err).isZero();
    assertThat(out.toString().lines())
        .hasSize(7)
        .allMatch(l -> l.contains("\"outcome\":\"applied\""));
    assertThat(Files.readString(dir.resolve("var/zones/example.com.zone")))
        .contains(
            "www.example.com. 300 IN A 192.0.2.10\n",
            "www.example.com. 300 IN AAAA 2001:db8::10\n",
            "docs.example.com. 600 IN CNAME www.example.com.\n",
            "example.com. 3600 IN TXT \"v=spf1 -all\"\n",
            "_demo.example.com. 300 IN TXT \"hello world\" \"second string\"\n",
            "app2.example.com. 300 IN A 192.0.2.22\n",
            "mail.example.com. 300 IN MX 10 app1.example.com.\n");
    out.getBuffer().setLength(0);
    assertThat(
            new CommandLine(new ApplyCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute("-c", dir.toString(), ex("event-deletion.json")))
        .isZero();
    assertThat(Files.readString(dir.resolve("var/zones/example.com.zone")))
        .doesNotContain("docs.example.com.");
  }

  @Test
  void theAuditLogExampleIsDeadLetteredWithoutAnEnricher() throws Exception {
    Files.copy(REPO.resolve("gordon.toml"), dir.resolve("gordon.toml"));
    StringWriter out = new StringWriter();
    int status =
        new CommandLine(new ApplyCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(new StringWriter()))
            .execute("-c", dir.toString(), ex("audit-log.json"));
    assertThat(status).isEqualTo(1);
    assertThat(out.toString()).contains("\"outcome\":\"dead-lettered\"");
    assertThat(Files.readString(dir.resolve("var/dead-letters.jsonl")))
        .contains("an-instance-name-b45c");
  }

  private static String ex(String name) {
    return REPO.resolve("examples").resolve(name).toString();
  }
}
