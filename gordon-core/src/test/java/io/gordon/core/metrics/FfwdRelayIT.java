package io.gordon.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FfwdRelayIT {
  private static DatagramSocket server;
  private static FfwdRelay relay;

  @BeforeAll
  static void listen() throws Exception {
    server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    server.setSoTimeout(5000);
    relay = new FfwdRelay("gordon-service", "127.0.0.1", server.getLocalPort(), 1.0);
  }

  @AfterAll
  static void close() {
    relay.cleanup();
    server.close();
  }

  private static String receive() throws Exception {
    DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
    server.receive(p);
    return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
  }

  @Test
  void counterIsOneMeterDatagramInTheOriginalFormat() throws Exception {
    relay.incr("router-message-consumed");
    assertThat(receive())
        .isEqualTo(
            "{\"key\": \"gordon-service\", \"attributes\": {\"what\": "
                + "\"router-message-consumed\", \"metric_type\": \"meter\"}, \"value\": 1, "
                + "\"type\": \"metric\"}");
  }

  @Test
  void contextBecomesAttributesAfterWhatAndMetricType() throws Exception {
    Map<String, String> ctx = new LinkedHashMap<>();
    ctx.put("current", "consume");
    ctx.put("next", "publish");
    relay.incr("router-update-message-phase", ctx);
    assertThat(receive())
        .isEqualTo(
            "{\"key\": \"gordon-service\", \"attributes\": {\"what\": "
                + "\"router-update-message-phase\", \"metric_type\": \"meter\", \"current\": "
                + "\"consume\", \"next\": \"publish\"}, \"value\": 1, \"type\": \"metric\"}");
  }

  @Test
  void gaugeAndTimerCarryTheirValues() throws Exception {
    relay.set("router-messages-in-flight", 3, Map.of());
    assertThat(receive())
        .isEqualTo(
            "{\"key\": \"gordon-service\", \"attributes\": {\"what\": "
                + "\"router-messages-in-flight\", \"metric_type\": \"meter\"}, \"value\": 3, "
                + "\"type\": \"metric\"}");
    relay.timing(
        "router-message-flight-duration", Duration.ofMillis(1500), Map.of("unit", "seconds"));
    assertThat(receive())
        .isEqualTo(
            "{\"key\": \"gordon-service\", \"attributes\": {\"what\": "
                + "\"router-message-flight-duration\", \"metric_type\": \"timer\", \"unit\": "
                + "\"seconds\"}, \"value\": 1.5, \"type\": \"metric\"}");
  }
}
