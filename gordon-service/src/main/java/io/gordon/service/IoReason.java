package io.gordon.service;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * The reason of a failed file read in words: the JDK's file exceptions carry only the path as their
 * message, so "cannot read x.json: x.json" said nothing.
 */
final class IoReason {
  private IoReason() {}

  static String of(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = String.valueOf(e.getMessage());
    return m.equals("Is a directory") ? "it is a directory" : m;
  }
}
