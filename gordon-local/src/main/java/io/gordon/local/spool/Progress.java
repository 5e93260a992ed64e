package io.gordon.local.spool;

import io.gordon.local.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The durable progress of one spool file: every line up to {@code line} (ending at byte {@code
 * offset}) is settled, and so are the later lines in {@code settled}. Stored in a sidecar file that
 * is a small log: a snapshot line, replaced atomically when the log is compacted ({@code
 * offset=1234 line=17 settled=19,20}), followed by the numbers of lines settled since, one per
 * line, appended by {@link ProgressCommitter}.
 *
 * @param offset bytes of the file covered by the settled prefix
 * @param line number of the last line of the prefix (lines count from 1; 0 for none)
 * @param settled settled lines after the prefix
 */
record Progress(long offset, long line, Set<Long> settled) {
  static final Progress START = new Progress(0, 0, Set.of());

  Progress {
    settled = Set.copyOf(settled);
  }

  /**
   * Reads a sidecar. Appended numbers count only when their line is complete and well formed: a
   * torn last append (crash while writing) is ignored, which may repeat (never skip) a line.
   */
  static Progress read(Path sidecar) throws IOException {
    String text;
    try {
      text = Files.readString(sidecar, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return START;
    }
    int nl = text.indexOf('\n');
    Progress snapshot = snapshot(sidecar, (nl < 0 ? text : text.substring(0, nl)).trim());
    if (nl < 0) {
      return snapshot;
    }
    Set<Long> settled = new TreeSet<>(snapshot.settled());
    int start = nl + 1;
    for (int end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
      String n = text.substring(start, end);
      if (n.matches("[0-9]{1,18}") && Long.parseLong(n) > snapshot.line()) {
        settled.add(Long.parseLong(n));
      }
      start = end + 1;
    }
    return new Progress(snapshot.offset(), snapshot.line(), settled);
  }

  private static Progress snapshot(Path sidecar, String text) throws IOException {
    long offset = 0;
    long line = 0;
    Set<Long> settled = new TreeSet<>();
    for (String field : text.split("\\s+")) {
      String[] kv = field.split("=", 2);
      if (kv.length != 2) {
        throw new IOException(sidecar + ": unreadable progress field \"" + field + "\"");
      }
      if (!(kv[0].equals("settled") ? numberList(kv[1]) : kv[1].matches("[0-9]{1,18}"))) {
        throw new IOException(
            sidecar
                + ": unreadable progress field \""
                + field
                + "\" (expected offset=N line=N settled=N,N,... with numbers of 0 or more); move it"
                + " away to read its spool file again from the first line (its events are then"
                + " submitted again, in order)");
      }
      switch (kv[0]) {
        case "offset" -> offset = Long.parseLong(kv[1]);
        case "line" -> line = Long.parseLong(kv[1]);
        case "settled" -> {
          for (String n : kv[1].split(",")) {
            if (!n.isEmpty()) {
              settled.add(Long.parseLong(n));
            }
          }
        }
        default -> throw new IOException(sidecar + ": unknown progress field \"" + kv[0] + "\"");
      }
    }
    return new Progress(offset, line, settled);
  }

  /**
   * "N,N,...," with numbers of 1 to 18 digits. Not a regular expression: a repeated group recurses
   * once per number, and a settled list of some thousands (out-of-order settlements during a
   * provider outage) overflowed the stack, so the source could not start (acceptance pass 7).
   */
  private static boolean numberList(String list) {
    String[] numbers = list.split(",", -1);
    for (int i = 0; i < numbers.length; i++) {
      String n = numbers[i];
      boolean trailing = i == numbers.length - 1 && n.isEmpty();
      if (!trailing
          && (n.isEmpty() || n.length() > 18 || !n.chars().allMatch(c -> c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  /** Replaces the sidecar with this progress as its snapshot line (and no appended lines). */
  void write(Path sidecar) throws IOException {
    StringBuilder sb =
        new StringBuilder("offset=")
            .append(offset)
            .append(" line=")
            .append(line)
            .append(" settled=");
    new TreeSet<>(settled).forEach(n -> sb.append(n).append(','));
    AtomicFiles.write(sidecar, (sb + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
