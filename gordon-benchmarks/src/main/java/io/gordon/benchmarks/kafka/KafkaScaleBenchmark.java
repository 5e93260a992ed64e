package io.gordon.benchmarks.kafka;

import io.gordon.testing.config.TestToml;
import io.gordon.testing.dns.BindServer;
import io.gordon.testing.kafka.KafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Scale-out benchmark: real {@code bin/gordon run} processes in one consumer group on a real broker
 * ({@code bin/kafka-broker}), applying to a real BIND over RFC 2136. For one and for three
 * instances: the events/s BIND applied, between its first and last apply of the run (start-up
 * excluded). Then three instances with one killed (SIGKILL, not restarted) after a third of the
 * stream: the longest pause of any partition's applies, which is what the kill cost (the group
 * noticing the dead member, the rebalance and the revocation grace).
 *
 * <p>Run from the repository root after building the distribution ({@code bin/gordon version}):
 * {@code java -cp ... io.gordon.benchmarks.kafka.KafkaScaleBenchmark [names] [versions]}.
 */
public final class KafkaScaleBenchmark {
  static final String ZONE = "example.test.";
  static final int PARTITIONS = 6;

  private KafkaScaleBenchmark() {}

  /** Runs the three scenarios and prints the table. */
  public static void main(String[] args) throws Exception {
    int names = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int versions = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path root = Path.of("").toAbsolutePath();
    try (BindServer bind = BindServer.start(ZONE);
        KafkaBroker kafka =
            KafkaBroker.start(Map.of("one", PARTITIONS, "three", PARTITIONS, "kill", PARTITIONS))) {
      Path log = bind.dir().resolve("named.log");
      Run one = new Run("one", 1, names, versions, false);
      Run three = new Run("three", 3, names, versions, false);
      Run kill = new Run("kill", 3, names, versions, true);
      for (Run r : List.of(one, three, kill)) {
        r.execute(root, bind, kafka, log);
      }
      System.out.printf(
          Locale.ROOT,
          "kafka scale-out: %,d events (%,d names x %d versions, "
              + "keyed by name, %d partitions), BIND on loopback, load %s%n",
          names * versions,
          names,
          versions,
          PARTITIONS,
          load());
      String f = "%-44s %12s %14s %s%n";
      System.out.printf(Locale.ROOT, f, "run", "events/s", "wall s", "note");
      for (Run r : List.of(one, three, kill)) {
        System.out.printf(
            Locale.ROOT,
            f,
            r.title(),
            String.format(Locale.ROOT, "%,.0f", r.rate),
            String.format(Locale.ROOT, "%.1f", r.wallSeconds),
            r.note);
      }
    }
  }

  /** One scenario: its own topic, group, names and config directories. */
  static final class Run {
    final String topic;
    final int instances;
    final int names;
    final int versions;
    final boolean kill;
    double rate;
    double wallSeconds;
    String note = "";

    Run(String topic, int instances, int names, int versions, boolean kill) {
      this.topic = topic;
      this.instances = instances;
      this.names = names;
      this.versions = versions;
      this.kill = kill;
    }

    String title() {
      return instances
          + " instance"
          + (instances > 1 ? "s" : "")
          + (kill ? ", one killed after a third" : "");
    }

    void execute(Path root, BindServer bind, KafkaBroker kafka, Path log) throws Exception {
      String prefix = topic + "-";
      produce(kafka);
      List<Process> ps = new ArrayList<>();
      long start = System.nanoTime();
      try {
        for (int i = 0; i < instances; i++) {
          ps.add(gordon(root, config(bind, kafka, i)));
        }
        int total = names * versions;
        long killedAt = 0;
        while (Applies.count(log, prefix) < total) {
          if (kill && killedAt == 0 && Applies.count(log, prefix) >= total / 3) {
            ps.get(0).destroyForcibly();
            ps.get(0).waitFor(10, TimeUnit.SECONDS);
            killedAt = System.currentTimeMillis();
          }
          if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
            throw new IllegalStateException(title() + ": not done within 10 minutes");
          }
          Thread.sleep(200);
        }
        wallSeconds = (System.nanoTime() - start) / 1e9;
        List<Applies> applies = Applies.read(log, prefix);
        long span = applies.getLast().at() - applies.getFirst().at();
        rate = applies.size() * 1000.0 / Math.max(1, span);
        if (kill) {
          note =
              String.format(
                  Locale.ROOT,
                  "longest pause of a partition's applies: %.1f s",
                  longestPause(applies) / 1000.0);
        }
      } finally {
        for (Process p : ps) {
          p.destroy();
          if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
        }
      }
    }

    /** The longest time between two applies of names of the same partition. */
    long longestPause(List<Applies> applies) {
      Map<Integer, Long> last = new HashMap<>();
      long longest = 0;
      for (Applies a : applies) {
        int p =
            Utils.toPositive(Utils.murmur2((a.name() + ".").getBytes(StandardCharsets.UTF_8)))
                % PARTITIONS;
        Long prev = last.put(p, a.at());
        if (prev != null) {
          longest = Math.max(longest, a.at() - prev);
        }
      }
      return longest;
    }

    private void produce(KafkaBroker kafka) throws Exception {
      try (KafkaProducer<String, String> p =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", kafka.bootstrap(), "acks", "all", "linger.ms", 20),
              new StringSerializer(),
              new StringSerializer())) {
        for (int v = 1; v <= versions; v++) {
          for (int i = 0; i < names; i++) {
            String name = topic + "-" + i + "." + ZONE;
            p.send(
                new ProducerRecord<>(
                    topic,
                    name,
                    "{\"action\":\"additions\","
                        + "\"resourceRecords\":{\"name\":\""
                        + name
                        + "\",\"type\":\"TXT\",\"ttl\":300,"
                        + "\"rrdatas\":[\"\\\"v"
                        + v
                        + "\\\"\"]}}"));
          }
        }
        p.flush();
      }
    }

    private Path config(BindServer bind, KafkaBroker kafka, int i) throws IOException {
      Path d = Files.createTempDirectory("gordon-kafka-bench-" + topic + i + "-");
      Files.writeString(
          d.resolve("gordon.toml"),
          TestToml.plugins("kafka.event_consumer", "rfc2136")
              .core("max_msg_age = 0")
              .level("warn")
              .kafkaGroupMember(kafka.bootstrap(), topic, "bench-" + topic)
              .rfc2136(bind, List.of(ZONE), "")
              .text());
      return d;
    }
  }

  private static Process gordon(Path root, Path configDir) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(root.resolve("bin/gordon").toString(), "run", "-c", configDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(configDir.resolve("gordon.log").toFile());
    pb.environment().put("GORDON_NO_BUILD", "1");
    return pb.start();
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
