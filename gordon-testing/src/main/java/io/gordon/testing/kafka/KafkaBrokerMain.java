package io.gordon.testing.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * The program behind {@code bin/kafka-broker}: a real single-node Kafka broker in KRaft mode
 * (broker and controller in one process), in the foreground until SIGTERM. Formats {@code DIR} on
 * first use (later starts reuse it, keeping topics and committed offsets), listens on {@code
 * 127.0.0.1:PORT}, creates the requested topics once it serves, then prints {@code kafka-broker
 * ready bootstrap=127.0.0.1:PORT} on standard output.
 *
 * <p>Tuned for one machine: every replication factor is 1, and a new consumer group starts without
 * the usual 3 s wait for more members ({@code group.initial.rebalance.delay.ms=0}).
 */
public final class KafkaBrokerMain {
  private KafkaBrokerMain() {}

  /** Runs the broker; exit status 2 on bad arguments, 1 when it cannot start. */
  public static void main(String[] args) throws Exception {
    BrokerArgs a;
    try {
      a = BrokerArgs.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("kafka-broker: " + e.getMessage());
      System.exit(2);
      return;
    }
    Properties props = properties(a, freePort());
    Path data = a.dir().resolve("data");
    Files.createDirectories(data);
    format(data);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-broker-shutdown"));
    server.startup();
    try {
      createTopics(a);
    } catch (Exception e) {
      System.err.println("kafka-broker: cannot create topics " + a.topics() + ": " + e);
      System.exit(1);
    }
    System.out.println(
        "kafka-broker ready bootstrap=127.0.0.1:"
            + a.port()
            + " dir="
            + a.dir()
            + " topics="
            + a.topics());
    System.out.flush();
    server.awaitShutdown();
  }

  static Properties properties(BrokerArgs a, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + a.port() + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + a.port());
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", a.dir().resolve("data").toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "10");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    return p;
  }

  /**
   * Formats the log directory once; a directory formatted before is kept as it is. Why the check:
   * the formatter compares a new random cluster id with the stored one and refuses the restart
   * ("Invalid cluster.id") although it was asked to ignore a formatted directory.
   */
  static void format(Path data) throws Exception {
    if (Files.exists(data.resolve("meta.properties"))) {
      return;
    }
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(1)
        .setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(data.toString())
        .setDirectories(List.of(data.toString()))
        .setIgnoreFormatted(true)
        .run();
  }

  private static void createTopics(BrokerArgs a) throws Exception {
    Map<String, Object> conf =
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + a.port());
    try (Admin admin = Admin.create(conf)) {
      for (Map.Entry<String, Integer> t : a.topics().entrySet()) {
        try {
          admin
              .createTopics(List.of(new NewTopic(t.getKey(), t.getValue(), (short) 1)))
              .all()
              .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      awaitLeaders(admin, a);
    }
  }

  /** Waits until every partition of the topics has a leader: producers can then write. */
  private static void awaitLeaders(Admin admin, BrokerArgs a) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!a.topics().isEmpty()) {
      try {
        Map<String, TopicDescription> d =
            admin.describeTopics(a.topics().keySet()).allTopicNames().get(10, TimeUnit.SECONDS);
        if (d.values().stream()
            .allMatch(
                t ->
                    t.partitions().stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty()))) {
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "partitions of " + a.topics().keySet() + " have no leader after 60 s");
      }
      Thread.sleep(100);
    }
  }

  /** A free loopback port for the controller listener, which clients never use. */
  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
