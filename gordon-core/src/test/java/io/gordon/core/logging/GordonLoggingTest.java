package io.gordon.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gordon.core.config.CoreSettings;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class GordonLoggingTest {
  private final LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();

  @AfterEach
  void restore() throws Exception {
    ctx.reset();
    new ch.qos.logback.classic.util.ContextInitializer(ctx).autoConfig();
  }

  private String layout(String fmt, LoggingEvent e) {
    ctx.putObject(
        ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS,
        new java.util.HashMap<>(Converters.ALL));
    PatternLayout l = new PatternLayout();
    l.setContext(ctx);
    l.setPattern(PythonFormat.pattern(fmt, "%Y-%m-%dT%H:%M:%S"));
    l.start();
    return l.doLayout(e);
  }

  private LoggingEvent event(ch.qos.logback.classic.Level level, String msg) {
    LoggingEvent e = new LoggingEvent("x", ctx.getLogger("gordon.router"), level, msg, null, null);
    e.setTimeStamp(1764064800123L);
    return e;
  }

  @Test
  void levelsAndTimestampsRenderAsInPython() {
    String line =
        layout(
            "%(asctime)s.%(msecs)03dZ %(levelname)s %(levelno)d %(created).3f "
                + "%(name)s: %(message)s",
            event(ch.qos.logback.classic.Level.WARN, "careful"));
    assertThat(line)
        .isEqualTo(
            "2025-11-25T10:00:00.123Z WARNING 30 1764064800.123 " + "gordon.router: careful");
  }

  @Test
  void stackdriverLinesAreCloudLoggingJsonWithTheMessageIdLabel() throws Exception {
    MDC.put("msg_id", "m-42");
    try {
      StackdriverLayout l = new StackdriverLayout();
      l.setContext(ctx);
      LoggingEvent e = event(ch.qos.logback.classic.Level.ERROR, "boom");
      e.setMDCPropertyMap(Map.of("msg_id", "m-42"));
      JsonNode j = new ObjectMapper().readTree(l.doLayout(e));
      assertThat(j.get("severity").asText()).isEqualTo("ERROR");
      assertThat(j.get("message").asText()).isEqualTo("boom");
      assertThat(j.get("timestamp").asText()).isEqualTo("2025-11-25T10:00:00.123Z");
      assertThat(j.get("logging.googleapis.com/labels").get("msg_id").asText()).isEqualTo("m-42");
    } finally {
      MDC.clear();
    }
  }

  @Test
  void syslogHandlerSendsUdpDatagramsWithFacilityAndFormat() throws Exception {
    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(5000);
      GordonLogging.configure(
          new CoreSettings.Logging(
              "INFO",
              List.of("syslog"),
              Optional.of("%(levelname)s: %(message)s"),
              Optional.empty(),
              List.of("127.0.0.1", Integer.toString(server.getLocalPort())),
              "udp",
              "local0"));
      LoggerFactory.getLogger("gordon.test").warn("record published");
      DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
      server.receive(p);
      String line = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
      assertThat(line).startsWith("<132>").endsWith(" WARNING: record published");
    }
  }

  @Test
  void julRecordsFromPluginsReachLogback() throws Exception {
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> list =
        new ch.qos.logback.core.read.ListAppender<>();
    GordonLogging.configure(
        new CoreSettings.Logging(
            "INFO",
            List.of("stream"),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            "udp",
            "local0"));
    list.setContext(ctx);
    list.start();
    ctx.getLogger("gordon.local.http").addAppender(list);
    System.getLogger("gordon.local.http").log(System.Logger.Level.INFO, "listening");
    assertThat(list.list).extracting(e -> e.getFormattedMessage()).containsExactly("listening");
  }

  private static CoreSettings.Logging level(String level) {
    return new CoreSettings.Logging(
        level, List.of("stream"), Optional.empty(), Optional.empty(), List.of(), "udp", "local0");
  }

  /**
   * The Kafka client logged its whole configuration (some 130 lines) and its group coordination at
   * INFO on every start (acceptance pass, with kcat and bin/kafka-broker).
   */
  @Test
  void atInfoTheKafkaClientLogsFromWarningOnAndGordonFromInfo() {
    GordonLogging.configure(level("info"));
    assertThat(
            ctx.getLogger("org.apache.kafka.clients.consumer.ConsumerConfig").getEffectiveLevel())
        .isEqualTo(ch.qos.logback.classic.Level.WARN);
    assertThat(ctx.getLogger("gordon.kafka").getEffectiveLevel())
        .isEqualTo(ch.qos.logback.classic.Level.INFO);
  }

  @Test
  void atDebugTheKafkaClientLogsEverything() {
    GordonLogging.configure(level("debug"));
    assertThat(
            ctx.getLogger("org.apache.kafka.clients.consumer.ConsumerConfig").getEffectiveLevel())
        .isEqualTo(ch.qos.logback.classic.Level.DEBUG);
  }

  @Test
  void atErrorTheKafkaClientLogsErrorsOnly() {
    GordonLogging.configure(level("error"));
    assertThat(ctx.getLogger("org.apache.kafka").getEffectiveLevel())
        .isEqualTo(ch.qos.logback.classic.Level.ERROR);
  }
}
