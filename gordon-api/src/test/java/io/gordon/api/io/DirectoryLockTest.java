package io.gordon.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {
  @TempDir Path dir;

  @Test
  void aSecondLockOfTheSameDirectoryInThisProcessIsRefusedNamingThisProcess() {
    long pid = ProcessHandle.current().pid();
    try (DirectoryLock first = DirectoryLock.acquire(dir, "local.file spool")) {
      assertThatThrownBy(() -> DirectoryLock.acquire(dir, "local.http spool"))
          .isInstanceOf(LockedException.class)
          .hasMessageStartingWith(
              "local.http spool: "
                  + dir
                  + " is locked by this process (pid "
                  + pid
                  + "), by another component; lock file "
                  + dir.resolve(".lock")
                  + ".");
      assertThat(first.held()).isTrue();
    }
  }

  @Test
  void theLockFileNamesTheHolderAndStaysAfterRelease() throws Exception {
    DirectoryLock lock = DirectoryLock.acquire(dir.resolve("spool"), "local.http spool");
    assertThat(Files.readString(lock.lockFile()))
        .startsWith("pid=" + ProcessHandle.current().pid() + "\nowner=local.http spool\nsince=");
    lock.close();
    lock.close();

    assertThat(lock.held()).isFalse();
    assertThat(lock.lockFile()).exists();
    try (DirectoryLock again = DirectoryLock.acquire(dir.resolve("spool"), "again")) {
      assertThat(again.held()).isTrue();
    }
  }

  @Test
  void aFileIsLockedThroughALockFileBesideIt() {
    Path zone = dir.resolve("zones/example.com.zone");
    try (DirectoryLock lock = DirectoryLock.acquireFile(zone, "local.zonefile")) {
      assertThat(lock.lockFile()).isEqualTo(dir.resolve("zones/example.com.zone.lock"));
      assertThat(DirectoryLock.lockFileOf(zone, false)).isEqualTo(lock.lockFile());
      assertThatThrownBy(() -> DirectoryLock.acquireFile(zone, "second zonefile"))
          .isInstanceOf(LockedException.class)
          .hasMessageContaining(zone + " is locked by this process");
    }
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsReportedWithTheOwnerAndPath() throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    assertThatThrownBy(() -> DirectoryLock.acquire(file.resolve("sub"), "local.http spool"))
        .hasMessageStartingWith(
            "local.http spool: cannot create directory " + file.resolve("sub") + " to lock it: ");
  }
}
