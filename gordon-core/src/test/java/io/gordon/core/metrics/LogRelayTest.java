package io.gordon.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogRelayTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger("gordon.metrics-logger");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void capture() {
    lines.start();
    logger.addAppender(lines);
    logger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
  }

  private java.util.List<String> logged() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void countersAccumulatePerNameAsTheOriginal() {
    LogRelay relay = new LogRelay("info", 1);
    relay.incr("events", 441, Map.of());
    relay.incr("events", 10, Map.of());
    assertThat(logged()).containsExactly("[events] value: 441", "[events] value: 451");
  }

  @Test
  void contextIsPrintedAsAPythonDict() {
    LogRelay relay = new LogRelay("info", 1);
    relay.set("events", 12.12, Map.of("source", "external"));
    relay.incr("message-validated", 6, Map.of("plugin", "event-consumer", "schema", "audit-log"));
    assertThat(logged())
        .containsExactly(
            "[events] value: 12.12 context: {'source': 'external'}",
            "[message-validated] value: 6 context: {'plugin': 'event-consumer', 'schema': "
                + "'audit-log'}");
  }

  @Test
  void aGaugeIsLoggedOnlyWhenItsValueChanges() {
    LogRelay relay = new LogRelay("info", 1);
    Map<String, String> http = Map.of("source", "local.http");
    for (int second = 0; second < 3; second++) {
      relay.set("gordon_spool_backlog_events", 0, http);
    }
    relay.set("gordon_spool_backlog_events", 0, Map.of("source", "local.file"));
    relay.set("gordon_spool_backlog_events", 2, http);
    relay.set("gordon_spool_backlog_events", 2, http);
    relay.set("gordon_spool_backlog_events", 0, http);
    assertThat(logged())
        .containsExactly(
            "[gordon_spool_backlog_events] value: 0 context: {'source': 'local.http'}",
            "[gordon_spool_backlog_events] value: 0 context: {'source': 'local.file'}",
            "[gordon_spool_backlog_events] value: 2 context: {'source': 'local.http'}",
            "[gordon_spool_backlog_events] value: 0 context: {'source': 'local.http'}");
  }

  @Test
  void timersLogSecondsTimesTheTimeUnitAtTheConfiguredLevel() {
    LogRelay relay = new LogRelay("debug", 1000);
    relay.timing(
        "router-message-flight-duration", Duration.ofMillis(250), Map.of("unit", "seconds"));
    assertThat(logged())
        .containsExactly(
            "[router-message-flight-duration] value: 250.0 context: {'unit': 'seconds'}");
    assertThat(lines.list.get(0).getLevel()).isEqualTo(Level.DEBUG);
  }
}
