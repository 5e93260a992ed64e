package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

class QuietRepeatsTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger("gordon.quiet-test");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final AtomicLong now = new AtomicLong();
  private final QuietRepeats quiet = new QuietRepeats(now::get);

  QuietRepeatsTest() {
    lines.start();
    logger.addAppender(lines);
    logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(lines);
  }

  @Test
  void theFirstLineOfAWindowIsShownAndTheNextShownSaysHowManyWereHeldBack() {
    for (int i = 0; i < 3; i++) {
      quiet.log(logger, Level.WARN, "k", "line {}", i);
    }
    quiet.log(logger, Level.WARN, "other", "other line");
    now.addAndGet(QuietRepeats.WINDOW.toNanos());
    quiet.log(logger, Level.WARN, "k", "line {}", 3);
    assertThat(lines.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()))
        .containsExactly(
            "WARN line 0",
            "DEBUG line 1",
            "DEBUG line 2",
            "WARN other line",
            "WARN line 3 (2 more like it in the last 10 s or so, logged at debug)");
  }
}
