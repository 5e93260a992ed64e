package io.gordon.testing.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Google Cloud Pub/Sub emulator from the machine image, started on a free loopback port and
 * driven over its REST interface (topics, subscriptions, publish, pull). Start one per test class.
 * {@link #start()} fails with the reason when the emulator is not installed: tests must not pass
 * without it.
 */
public final class PubSubEmulator implements AutoCloseable {
  /** Where the machine image installs the emulator. */
  public static final Path SCRIPT =
      Path.of("/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator");

  /**
   * A message read back with a synchronous pull.
   *
   * @param ackId the id to acknowledge it with
   * @param messageId the Pub/Sub message id
   * @param data the payload as text
   * @param attributes its attributes
   */
  public record Pulled(
      String ackId, String messageId, String data, Map<String, String> attributes) {}

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Process process;
  private final int port;

  private PubSubEmulator(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the emulator and waits until it answers (at most 60 s). */
  public static PubSubEmulator start() {
    if (!Files.isExecutable(SCRIPT)) {
      throw new IllegalStateException(
          "the Pub/Sub emulator is not installed at "
              + SCRIPT
              + " (install google-cloud-cli-pubsub-emulator); these tests need it");
    }
    int port = freePort();
    try {
      Path log = Files.createTempFile("pubsub-emulator-", ".log");
      ProcessBuilder pb =
          new ProcessBuilder(SCRIPT.toString(), "--host=127.0.0.1", "--port=" + port)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().put("JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC");
      PubSubEmulator emulator = new PubSubEmulator(pb.start(), port);
      emulator.awaitReady(log);
      return emulator;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the Pub/Sub emulator: " + e, e);
    }
  }

  /** {@code 127.0.0.1:port}, the value for {@code PUBSUB_EMULATOR_HOST} or an endpoint key. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  /** Creates a topic. */
  public void createTopic(String project, String topic) {
    call("PUT", "/v1/projects/" + project + "/topics/" + topic, "{}");
  }

  /** Creates a pull subscription. */
  public void createSubscription(
      String project, String subscription, String topic, boolean ordering, int ackDeadlineSeconds) {
    ObjectNode body =
        json.createObjectNode()
            .put("topic", "projects/" + project + "/topics/" + topic)
            .put("ackDeadlineSeconds", ackDeadlineSeconds)
            .put("enableMessageOrdering", ordering);
    call("PUT", "/v1/projects/" + project + "/subscriptions/" + subscription, body.toString());
  }

  /** Deletes a subscription (its open streams then fail as they would on Google's service). */
  public void deleteSubscription(String project, String subscription) {
    call("DELETE", "/v1/projects/" + project + "/subscriptions/" + subscription, null);
  }

  /** Whether the subscription exists. */
  public boolean subscriptionExists(String project, String subscription) {
    return send("GET", "/v1/projects/" + project + "/subscriptions/" + subscription, null)
            .statusCode()
        == 200;
  }

  /** Publishes one message and returns its id; {@code orderingKey} may be null. */
  public String publish(
      String project, String topic, String data, Map<String, String> attrs, String orderingKey) {
    return publishBytes(project, topic, data.getBytes(StandardCharsets.UTF_8), attrs, orderingKey);
  }

  /** Publishes data as given (which need not be UTF-8) and returns the message id. */
  public String publishBytes(
      String project, String topic, byte[] data, Map<String, String> attrs, String orderingKey) {
    ObjectNode msg = json.createObjectNode().put("data", Base64.getEncoder().encodeToString(data));
    ObjectNode a = msg.putObject("attributes");
    attrs.forEach(a::put);
    if (orderingKey != null) {
      msg.put("orderingKey", orderingKey);
    }
    ObjectNode body = json.createObjectNode();
    body.putArray("messages").add(msg);
    JsonNode answer =
        call("POST", "/v1/projects/" + project + "/topics/" + topic + ":publish", body.toString());
    return answer.path("messageIds").get(0).asText();
  }

  /** Pulls up to {@code max} messages without waiting; does not acknowledge them. */
  public List<Pulled> pull(String project, String subscription, int max) {
    ObjectNode body =
        json.createObjectNode().put("maxMessages", max).put("returnImmediately", true);
    JsonNode answer =
        call(
            "POST",
            "/v1/projects/" + project + "/subscriptions/" + subscription + ":pull",
            body.toString());
    List<Pulled> out = new ArrayList<>();
    for (JsonNode r : answer.path("receivedMessages")) {
      JsonNode m = r.path("message");
      Map<String, String> attrs = new java.util.TreeMap<>();
      m.path("attributes").properties().forEach(e -> attrs.put(e.getKey(), e.getValue().asText()));
      out.add(
          new Pulled(
              r.path("ackId").asText(),
              m.path("messageId").asText(),
              new String(
                  Base64.getDecoder().decode(m.path("data").asText("")), StandardCharsets.UTF_8),
              attrs));
    }
    return out;
  }

  /** Acknowledges pulled messages. */
  public void ack(String project, String subscription, List<Pulled> messages) {
    ObjectNode body = json.createObjectNode();
    messages.forEach(m -> body.withArray("ackIds").add(m.ackId()));
    call(
        "POST",
        "/v1/projects/" + project + "/subscriptions/" + subscription + ":acknowledge",
        body.toString());
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady(Path log) throws IOException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the Pub/Sub emulator exited with status "
                + process.exitValue()
                + ": "
                + Files.readString(log));
      }
      try {
        if (send("GET", "/", null).statusCode() == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new IllegalStateException(
        "the Pub/Sub emulator did not answer on port "
            + port
            + " within 60 s: "
            + Files.readString(log));
  }

  private JsonNode call(String method, String path, String body) {
    HttpResponse<String> r = send(method, path, body);
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    try {
      return json.readTree(r.body().isEmpty() ? "{}" : r.body());
    } catch (IOException e) {
      throw new IllegalStateException("bad JSON from the emulator: " + r.body(), e);
    }
  }

  private HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port: " + e, e);
    }
  }
}
