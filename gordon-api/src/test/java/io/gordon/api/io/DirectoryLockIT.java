package io.gordon.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real second JVM holds the lock; this one must be refused, and may lock once it exits. */
class DirectoryLockIT {
  @TempDir Path dir;

  @Test
  void aSecondProcessIsRefusedWithThePathAndTheHoldersPidAndMayLockOnceTheHolderExits()
      throws Exception {
    Process holder = startHolder(dir);
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("holder said").isEqualTo("locked " + holder.pid());

      assertThatThrownBy(() -> DirectoryLock.acquire(dir, "local.http spool"))
          .isInstanceOfSatisfying(
              LockedException.class,
              e -> {
                assertThat(e.holderPid()).hasValue(holder.pid());
                assertThat(e.path()).isEqualTo(dir);
              })
          .hasMessage(
              "local.http spool: "
                  + dir
                  + " is locked by another process (pid "
                  + holder.pid()
                  + "); lock file "
                  + dir.resolve(".lock")
                  + ". Only one gordon"
                  + " process may write it: stop the other one first (for a blue/green handover,"
                  + " stop the old process before starting the new one), or give this one its own"
                  + " directory.");
    } finally {
      holder.destroyForcibly();
      holder.waitFor(30, TimeUnit.SECONDS);
    }
    try (DirectoryLock lock = DirectoryLock.acquire(dir, "after kill -9")) {
      assertThat(lock.held()).isTrue();
    }
  }

  @Test
  void aRefusedSecondLockInThisProcessKeepsTheFirstLockAgainstOtherProcesses() throws Exception {
    try (DirectoryLock held = DirectoryLock.acquire(dir, "first component")) {
      assertThatThrownBy(() -> DirectoryLock.acquire(dir, "second component"))
          .isInstanceOf(LockedException.class);

      Process other = startHolder(dir);
      String out = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(out)
          .as("the other process must not get the lock")
          .doesNotStartWith("locked ")
          .contains("is locked by another process (pid " + ProcessHandle.current().pid() + ")");
      assertThat(other.exitValue()).isNotZero();
      assertThat(held.held()).isTrue();
    }
  }

  private static Process startHolder(Path dir) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String cp = location(DirectoryLock.class) + File.pathSeparator + location(LockHolder.class);
    return new ProcessBuilder(java, "-cp", cp, LockHolder.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .start();
  }

  private static String location(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
