package io.gordon.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The local.inventory file of the janitor tests. */
final class Inventory {
  private Inventory() {}

  /**
   * Replaces {@code dir/inventory.json} at once (a running janitor never reads half) with A records
   * {@code host=ip} in {@code zone}.
   */
  static void write(Path dir, String zone, String... hosts) throws IOException {
    List<String> items = new ArrayList<>();
    for (String h : hosts) {
      String[] kv = h.split("=");
      items.add(
          "{\"name\": \""
              + kv[0]
              + "."
              + zone
              + "\", \"type\": \"A\", \"ttl\": 300,"
              + " \"rrdatas\": [\""
              + kv[1]
              + "\"]}");
    }
    String json = "[" + String.join(",\n", items) + "]";
    Files.writeString(dir.resolve("inventory.json.tmp"), json);
    Files.move(
        dir.resolve("inventory.json.tmp"),
        dir.resolve("inventory.json"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
