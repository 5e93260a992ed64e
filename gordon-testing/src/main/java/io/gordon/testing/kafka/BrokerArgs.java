package io.gordon.testing.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code bin/kafka-broker}: {@code --port PORT --dir DIR [--topic
 * NAME:PARTITIONS]...}.
 *
 * @param port the client (PLAINTEXT) port on 127.0.0.1
 * @param dir where the broker keeps its logs and metadata; reused across restarts
 * @param topics topics to create once the broker is ready, with their partition counts
 */
record BrokerArgs(int port, Path dir, Map<String, Integer> topics) {
  static final String USAGE =
      "usage: bin/kafka-broker --port PORT --dir DIR [--topic NAME:PARTITIONS]...";

  BrokerArgs {
    topics = Map.copyOf(topics);
  }

  /** Parses {@code args}; throws {@link IllegalArgumentException} naming the bad argument. */
  static BrokerArgs parse(String... args) {
    Integer port = null;
    Path dir = null;
    Map<String, Integer> topics = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
      }
      String value = rest.remove(0);
      switch (flag) {
        case "--port" -> port = port(value);
        case "--dir" -> dir = Path.of(value).toAbsolutePath();
        case "--topic" -> topic(value, topics);
        default -> throw new IllegalArgumentException("unknown argument " + flag + "; " + USAGE);
      }
    }
    if (port == null || dir == null) {
      throw new IllegalArgumentException(
          (port == null ? "--port" : "--dir") + " is required; " + USAGE);
    }
    return new BrokerArgs(port, dir, topics);
  }

  private static int port(String value) {
    try {
      int p = Integer.parseInt(value);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--port " + value + ": expected a port from 1 to 65535");
  }

  private static void topic(String value, Map<String, Integer> topics) {
    int colon = value.lastIndexOf(':');
    try {
      if (colon > 0) {
        int partitions = Integer.parseInt(value.substring(colon + 1));
        if (partitions >= 1) {
          topics.put(value.substring(0, colon), partitions);
          return;
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--topic "
            + value
            + ": expected NAME:PARTITIONS with at least 1 partition, e.g. dns-events:6");
  }
}
