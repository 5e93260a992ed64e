package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gordon.api.ProviderException;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.delivery.RetryPolicy;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import io.gordon.testing.fakes.RecordingDelivery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A provider outage logs a line per problem, not per message (acceptance pass 7: BIND stopped under
 * 100 events/s logged about 13,000 retry and hand-back lines a minute).
 */
class RouterOutageLogTest {
  private static final int MESSAGES = 40;
  private final Logger logger = (Logger) LoggerFactory.getLogger("gordon.router");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Level before = logger.getLevel();

  @AfterEach
  void detach() {
    logger.detachAppender(lines);
    logger.setLevel(before);
  }

  @Test
  void messagesFailingTheSameWayDuringAnOutageLogOneRetryAndOneHandBackLineAtInfo()
      throws Exception {
    InMemoryDnsProvider dns = new InMemoryDnsProvider("mem", "example.com");
    dns.failChanges(
        c ->
            new ProviderException("mem", "example.com.", c.name(), "A", true, "unreachable", null));
    Router router =
        RouterBuilder.create()
            .provider("mem", dns)
            .deadLetters(new RecordingDeadLetterSink())
            .retry(new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ZERO))
            .build();
    lines.start();
    logger.addAppender(lines);
    logger.setLevel(Level.DEBUG);
    RecordingDelivery delivery = new RecordingDelivery();
    for (int i = 0; i < MESSAGES; i++) {
      router.submit(
          Events.add("m" + i, "h" + i + ".example.com", "10.0.0.1"), delivery, Duration.ZERO);
    }
    delivery.awaitCount(MESSAGES, Duration.ofSeconds(10));
    assertThat(delivery.outcome("m0")).isInstanceOf(Outcome.Redeliver.class);

    assertThat(shown(Level.WARN, "to be redelivered")).hasSize(1);
    assertThat(shown(Level.INFO, "failed, retry")).hasSize(1);
    assertThat(shown(Level.DEBUG, "to be redelivered")).hasSize(MESSAGES - 1);
    assertThat(shown(Level.DEBUG, "failed, retry")).hasSize(MESSAGES - 1);
  }

  private List<String> shown(Level level, String text) {
    return lines.list.stream()
        .filter(e -> e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains(text))
        .toList();
  }
}
