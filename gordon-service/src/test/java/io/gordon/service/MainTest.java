package io.gordon.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.io.LockedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {
  @Command(name = "run")
  static final class Throwing implements Callable<Integer> {
    final Exception failure;

    Throwing(Exception failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      throw failure;
    }
  }

  static String failure(Exception e) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Throwing(e)).setErr(new PrintWriter(err));
    assertThat(Main.execute(cli)).isEqualTo(1);
    return err.toString();
  }

  /**
   * gordon's own errors explain themselves: the second process on a locked spool printed "failed:
   * io.gordon.api.io.LockedException: local.http spool: ..." (acceptance pass), unlike the message
   * docs/operations.md shows.
   */
  @Test
  void gordonsOwnErrorIsPrintedAsItsMessage() {
    assertThat(
            failure(
                new LockedException("local.http spool: /srv/spool is locked", Path.of("/x"), 42)))
        .isEqualTo("gordon run: failed: local.http spool: /srv/spool is locked\n");
  }

  @Test
  void aFileErrorNamesTheFileAndTheReasonNotTheExceptionClass() {
    assertThat(failure(new NoSuchFileException("/srv/gordon/x.md")))
        .isEqualTo("gordon run: failed: /srv/gordon/x.md: no such file\n");
    assertThat(failure(new FileSystemException("/srv", null, "Is a directory")))
        .isEqualTo("gordon run: failed: /srv: it is a directory\n");
  }

  @Test
  void anyOtherErrorKeepsItsClassToMakeSense() {
    assertThat(failure(new IllegalStateException("boom")))
        .isEqualTo("gordon run: failed: java.lang.IllegalStateException: boom\n");
  }
}
