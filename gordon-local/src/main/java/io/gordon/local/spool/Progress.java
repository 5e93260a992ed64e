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
 * The durable progress of one spool file: every line up to {@code line} (ending at byte
 * {@code offset}) is settled, and so are the later lines in {@code settled}. Stored in a
 * sidecar file that is replaced atomically, one line of text:
 * {@code offset=1234 line=17 settled=19,20}.
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

  static Progress read(Path sidecar) throws IOException {
    String text;
    try {
      text = Files.readString(sidecar, StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      return START;
    }
    long offset = 0;
    long line = 0;
    Set<Long> settled = new TreeSet<>();
    for (String field : text.split("\\s+")) {
      String[] kv = field.split("=", 2);
      if (kv.length != 2) {
        throw new IOException(sidecar + ": unreadable progress field \"" + field + "\"");
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

  void write(Path sidecar) throws IOException {
    StringBuilder sb = new StringBuilder("offset=").append(offset).append(" line=").append(line)
        .append(" settled=");
    new TreeSet<>(settled).forEach(n -> sb.append(n).append(','));
    AtomicFiles.write(sidecar, (sb + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
