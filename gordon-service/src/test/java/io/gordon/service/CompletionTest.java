package io.gordon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompletionTest {
  @TempDir Path dir;

  private String script() {
    StringWriter out = new StringWriter();
    int status =
        new CommandLine(new Main()).setOut(new PrintWriter(out)).execute("generate-completion");
    assertThat(status).isZero();
    return out.toString();
  }

  @Test
  void theCompletionScriptCompletesEveryCommandAndItsOptions() {
    String s = script();
    assertThat(s).contains("complete -F _complete_gordon", "bashcompinit");
    assertThat(s).contains("local commands=\"run apply janitor replay config plugins version docs");
    for (String cmd :
        new String[] {
          "run", "apply", "janitor", "replay", "config", "plugins", "version", "docs"
        }) {
      assertThat(s).as(cmd).contains("function _picocli_gordon_" + cmd + "()");
    }
    assertThat(s).contains("--reason", "--name", "--config-root");
  }

  @Test
  void bashAcceptsTheScriptAndCompletesASubcommand() throws Exception {
    Path file = Files.writeString(dir.resolve("gordon.bash"), script());
    Process p =
        new ProcessBuilder(
                "bash",
                "-c",
                "source "
                    + file
                    + " && COMP_WORDS=(gordon re)"
                    + " && COMP_CWORD=1 && COMP_LINE='gordon re' && COMP_POINT=9"
                    + " && _complete_gordon && printf '%s\\n' \"${COMPREPLY[@]}\"")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.lines()).contains("replay");
  }
}
