package io.gordon.api.io;

import java.nio.file.Path;

/** A second process for {@link DirectoryLockIT}: locks args[0], says so, holds until stdin ends. */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (DirectoryLock lock = DirectoryLock.acquire(Path.of(args[0]), "holder")) {
      System.out.println("locked " + ProcessHandle.current().pid());
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold until the parent closes our stdin
      }
    }
  }
}
