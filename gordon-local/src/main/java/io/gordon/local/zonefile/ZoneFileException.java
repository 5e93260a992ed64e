package io.gordon.local.zonefile;

/** A zone file that cannot be read; the message names the line and the problem. */
final class ZoneFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ZoneFileException(int line, String problem) {
    super("line " + line + ": " + problem);
  }
}
